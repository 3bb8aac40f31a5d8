import { join } from 'node:path';
import type { ActionDefinition } from '@portico/plugin-api';
import { SchemaValidator } from '@portico/http';
import { startTestPortal, type TestPortal } from '@portico/test-utils';
import packageJson from '../package.json';
import { oncallConfigSchema } from './config/oncall-config';
import plugin from './index';

// The plugin as a portal loads it: a real portal on the embedded store, with the software
// catalog it depends on, and each case's config.

const pluginsDir = join(__dirname, '..', '..');

async function withPortal(config: Record<string, unknown>, test: (portal: TestPortal) => Promise<void>): Promise<void> {
  const portal = await startTestPortal({
    plugins: [{ path: join(pluginsDir, 'software-catalog'), config: { sampleData: true } }, { path: join(pluginsDir, 'oncall'), config }],
    users: { reader: { roles: ['viewer'] }, alice: { roles: ['developer'], permissions: ['oncall.*'] } },
  });
  try {
    await test(portal);
  } finally {
    await portal.close();
  }
}

const record = (portal: TestPortal) => portal.portal.plugins.find((p) => p.id === 'oncall')!;

describe('oncall plugin', () => {
  it('registers exactly what its manifest declares, with valid input schemas and permissions on what changes PagerDuty', async () => {
    await withPortal({ syncIntervalMs: 60_000 }, async (portal) => {
      const { contributions, providers, routes } = record(portal);
      expect(contributions.kinds.sort()).toEqual([...packageJson.portico.kinds].sort());
      expect(contributions.actions.sort()).toEqual([...packageJson.portico.actions].sort());
      expect(contributions.widgets.map((w) => w.id).sort()).toEqual([...packageJson.portico.widgets].sort());
      expect(providers.map((p) => [p.id, p.everyMs])).toEqual([['oncall.pagerduty', 60_000], ['oncall.on-call', 60_000]]);
      expect(routes.map((r) => `${r.method} ${r.path} ${r.auth}`)).toEqual(['POST /webhooks/:account public']);
      const res = await portal.api<{ items: Array<ActionDefinition & { pluginId?: string }> }>('GET', '/actions', undefined, { as: 'reader' });
      const actions = res.body.items.filter((a) => a.id.startsWith('oncall.'));
      const validator = new SchemaValidator({ formats: { markdown: true } });
      for (const action of actions) expect(validator.checkSchema(action.inputSchema)).toEqual([]);
      expect(Object.fromEntries(actions.map((a) => [a.id, a.permission ?? null]))).toEqual({
        'oncall.page': 'oncall.page',
        'oncall.send-alert': 'oncall.page',
        'oncall.acknowledge': null,
        'oncall.resolve': 'oncall.incident.manage',
        'oncall.reassign': 'oncall.incident.manage',
        'oncall.escalate': 'oncall.incident.manage',
        'oncall.take-shift': 'oncall.shift',
        'oncall.run-runbook': 'oncall.runbook.run',
      });
    });
    expect(packageJson.portico.id).toBe(plugin.id);
  });

  it('without a PagerDuty key, the sync says which secret to set, and the portal still runs', async () => {
    await withPortal({}, async (portal) => {
      const said = () => portal.logs.find((l) => l.message.includes('account "default" failed'));
      for (let i = 0; i < 100 && !said(); i++) await new Promise((r) => setTimeout(r, 50));
      expect(said()?.message).toContain('set the secret "pagerduty-token"');
      expect((await portal.api('GET', '/kinds/escalation-policy', undefined, { as: 'reader' })).status).toBe(200);
    });
  });

  it('config schema refuses a malformed account and accepts a second one', () => {
    const validator = new SchemaValidator();
    expect(() => validator.assert(oncallConfigSchema, { accounts: [{ id: 'Bad Id' }] }, 'config')).toThrow('/accounts/0/id');
    expect(() => validator.assert(oncallConfigSchema, { accounts: [{ id: 'default' }, { id: 'eu', baseUrl: 'https://api.eu.pagerduty.com', from: 'ops@example.com' }] }, 'config')).not.toThrow();
  });

  it('simulated, the example organisation has schedules, someone on call for cart-service, an open incident and a runbook; actions say they change nothing real', async () => {
    await withPortal({ simulated: true }, async (portal) => {
      const policy = await portal.waitForEntity('escalation-policy', 'pepchk1', { as: 'reader' });
      expect(policy.relations.components).toEqual(['cart-service']);
      expect(policy.properties.onCall.map((o: { name: string }) => o.name)).toEqual(['Alice Martin', 'Dave Okafor']);
      expect((await portal.query({ kind: 'schedule' }, 'reader')).map((s) => s.title).sort()).toEqual(['Catalog primary', 'Checkout primary']);
      const open = await portal.query({ kind: 'incident', filter: { combinator: 'and', rules: [{ property: 'relations.component', operator: '=', value: 'cart-service' }] } }, 'reader');
      expect(open.map((i) => [i.title, i.properties.status])).toEqual([['Checkout latency above 2 s at p99', 'triggered']]);
      expect((await portal.waitForEntity('runbook', 'cart-latency', { as: 'reader' })).properties.steps).toHaveLength(3);

      const paged = await portal.runAction('oncall.page', { entity: { kind: 'component', id: 'cart-service' }, inputs: { title: 'Trying the demo', urgency: 'low' }, as: 'alice' });
      expect(paged.status).toBe('succeeded');
      expect(paged.logs).toContain('PagerDuty is SIMULATED in this portal (oncall.simulated: true): this changes nothing real.');
      expect((await portal.entity('incident', String(paged.outputs.incident), 'reader')).properties.assignees).toEqual([expect.objectContaining({ name: 'Alice Martin' })]);
    });
  });
});
