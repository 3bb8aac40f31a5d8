import { join } from 'node:path';
import type { ActionDefinition } from '@portico/plugin-api';
import { SchemaValidator } from '@portico/http';
import { eventually, startTestPortal, type TestPortal } from '@portico/test-utils';
import packageJson from '../package.json';
import { cicdConfigSchema } from './config/cicd-config';
import plugin from './index';

// The plugin as a portal loads it: a real portal on the embedded store, with the software
// catalog it depends on, and each case's config.

const pluginsDir = join(__dirname, '..', '..');

async function withPortal(config: Record<string, unknown>, test: (portal: TestPortal) => Promise<void>, catalogConfig: Record<string, unknown> = {}): Promise<void> {
  const portal = await startTestPortal({
    plugins: [{ path: join(pluginsDir, 'software-catalog'), config: catalogConfig }, { path: join(pluginsDir, 'cicd'), config }],
    users: { reader: { roles: ['viewer'] } },
  });
  try {
    await test(portal);
  } finally {
    await portal.close();
  }
}

function record(portal: TestPortal) {
  return portal.portal.plugins.find((p) => p.id === 'cicd')!;
}

async function actions(portal: TestPortal): Promise<ActionDefinition[]> {
  const res = await portal.api<{ items: Array<ActionDefinition & { pluginId?: string }> }>('GET', '/actions', undefined, { as: 'reader' });
  return res.body.items.filter((a) => a.id.startsWith('cicd.'));
}

describe('cicd plugin', () => {
  it('registers exactly what its manifest declares, whatever the config', async () => {
    for (const config of [{}, { sampleData: true, repositories: [{ repository: 'acme/cart-service' }] }]) {
      await withPortal(config, async (portal) => {
        const { contributions } = record(portal);
        expect(contributions.kinds.sort()).toEqual([...packageJson.portico.kinds].sort());
        expect(contributions.actions.sort()).toEqual([...packageJson.portico.actions].sort());
        expect(contributions.widgets.map((w) => w.id).sort()).toEqual([...packageJson.portico.widgets].sort());
      });
    }
    expect(packageJson.portico.id).toBe(plugin.id);
    expect(packageJson.portico.dependsOn).toEqual(['software-catalog']);
  });

  it('adds providers according to config', async () => {
    await withPortal({}, async (portal) => expect(record(portal).contributions.providers).toEqual(['cicd.environments']));
    await withPortal({ sampleData: true, syncIntervalMs: 60000, repositories: [{ repository: 'acme/cart-service' }] }, async (portal) => {
      const { providers } = record(portal);
      expect(providers.map((p) => p.id)).toEqual(['cicd.environments', 'cicd.github-actions', 'cicd.sample-data']);
      expect(providers[1].everyMs).toBe(60000);
    });
  });

  it('mounts the push, matrix and webhook routes with the right authentication', async () => {
    await withPortal({}, async (portal) => {
      expect(record(portal).routes.map((r) => `${r.method} ${r.path} ${r.auth}`)).toEqual(['POST /deployments token', 'GET /deployments/matrix user', 'POST /webhooks/github public']);
    });
  });

  it('has valid input schemas, and force-merge needs approval by the configured approvers', async () => {
    const validator = new SchemaValidator({ formats: { secret: true } });
    await withPortal({ forceMerge: { approvers: { users: ['alice'], teams: ['sre'] } } }, async (portal) => {
      const list = await actions(portal);
      expect(list.map((a) => a.id).sort()).toEqual([...packageJson.portico.actions].sort());
      for (const action of list) expect(validator.checkSchema(action.inputSchema)).toEqual([]);
      expect(list.find((a) => a.id === 'cicd.force-merge-pr')!.approval).toEqual({ users: ['alice'], teams: ['sre'], mode: 'any' });
      expect(list.filter((a) => a.approval).map((a) => a.id)).toEqual(['cicd.force-merge-pr']);
      const deploy = list.find((a) => a.id === 'cicd.deploy')!;
      expect(deploy.inputSchema.properties!.environment.enum).toEqual(['development', 'staging', 'production']);
    });
    await withPortal({}, async (portal) => {
      expect((await actions(portal)).find((a) => a.id === 'cicd.force-merge-pr')!.approval).toEqual({ users: [], teams: ['portal-admins'], mode: 'any' });
    });
  });

  it('config schema rejects a malformed repository and accepts a GitHub Enterprise base URL', () => {
    const validator = new SchemaValidator();
    expect(() => validator.assert(cicdConfigSchema, { repositories: [{ repository: 'not a repo' }] }, 'config')).toThrow('/repositories/0/repository');
    expect(() => validator.assert(cicdConfigSchema, { github: { baseUrl: 'https://ghe.example.com/api/v3' } }, 'config')).not.toThrow();
  });

  it('with a simulated GitHub, ingests the example organisation without any token', async () => {
    await withPortal(
      { github: { simulated: true } },
      async (portal) => {
        // Providers run at start, concurrently: the example components land first or the builds wait for them.
        const cartBuilds = { kind: 'build', filter: { combinator: 'and', rules: [{ property: 'relations.component', operator: '=', value: 'cart-service' }] }, limit: 50 };
        await eventually(async () => (await portal.query(cartBuilds, 'reader')).length === 4, 'the builds of cart-service');
        expect(await portal.query({ kind: 'pipeline', limit: 50 }, 'reader')).toHaveLength(8);
        expect(portal.logs.filter((l) => l.message.startsWith('could not'))).toEqual([]);
      },
      { sampleData: true },
    );
  });
});
