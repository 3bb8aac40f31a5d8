import { getPluginInternals } from '@portico/plugin-api/internal';
import type { ActionDefinition, EntityProvider, HttpRoute, KindDefinition, WidgetDefinition } from '@portico/plugin-api';
import { SchemaValidator } from '@portico/http';
import packageJson from '../package.json';
import { cicdConfigSchema } from './config/cicd-config';
import plugin from './index';

function initWith(config: Record<string, unknown>, shutdownHooks: Array<() => unknown> = []) {
  const recorded = { kinds: [] as KindDefinition[], actions: [] as ActionDefinition[], widgets: [] as WidgetDefinition[], providers: [] as EntityProvider[], routes: [] as HttpRoute[] };
  const add = <T,>(list: T[]) => (item: T) => (list.push(item), () => undefined);
  getPluginInternals(plugin)!.init({
    kinds: { addKind: add(recorded.kinds) },
    actions: { addAction: add(recorded.actions) },
    widgets: { addWidget: add(recorded.widgets) },
    providers: { addProvider: add(recorded.providers) },
    routes: { addRoute: add(recorded.routes) },
    catalog: { get: async () => ({}), onEvent: () => () => undefined },
    logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    config: { get: () => config, getOptional: (path: string) => config[path] },
    secrets: { get: async () => undefined },
    lifecycle: { addStartHook: () => undefined, addShutdownHook: (hook: () => unknown) => shutdownHooks.push(hook) },
  });
  return recorded;
}

describe('cicd plugin', () => {
  it('registers exactly what its manifest declares, whatever the config', () => {
    for (const config of [{}, { sampleData: true, repositories: [{ repository: 'acme/cart-service' }] }]) {
      const r = initWith(config);
      expect(r.kinds.map((k) => k.id).sort()).toEqual([...packageJson.portico.kinds].sort());
      expect(r.actions.map((a) => a.id).sort()).toEqual([...packageJson.portico.actions].sort());
      expect(r.widgets.map((w) => w.id).sort()).toEqual([...packageJson.portico.widgets].sort());
    }
    expect(packageJson.portico.id).toBe(plugin.id);
    expect(packageJson.portico.dependsOn).toEqual(['software-catalog']);
  });

  it('adds providers according to config', () => {
    expect(initWith({}).providers.map((p) => p.id)).toEqual(['cicd.environments']);
    const all = initWith({ sampleData: true, syncIntervalMs: 60000, repositories: [{ repository: 'acme/cart-service' }] }).providers;
    expect(all.map((p) => p.id)).toEqual(['cicd.environments', 'cicd.github-actions', 'cicd.sample-data']);
    expect(all[1].everyMs).toBe(60000);
  });

  it('mounts the push, matrix and webhook routes with the right authentication', () => {
    expect(initWith({}).routes.map((r) => `${r.method} ${r.path} ${r.auth}`)).toEqual([
      'POST /deployments token',
      'GET /deployments/matrix user',
      'POST /webhooks/github public',
    ]);
  });

  it('has valid input schemas, and force-merge needs approval by the configured approvers', () => {
    const validator = new SchemaValidator({ formats: { secret: true } });
    const { actions } = initWith({ forceMerge: { approvers: { users: ['alice'], teams: ['sre'] } } });
    for (const action of actions) expect(validator.checkSchema(action.inputSchema)).toEqual([]);
    expect(actions.find((a) => a.id === 'cicd.force-merge-pr')!.approval).toEqual({ users: ['alice'], teams: ['sre'], mode: 'any' });
    expect(actions.filter((a) => a.approval).map((a) => a.id)).toEqual(['cicd.force-merge-pr']);
    const byDefault = initWith({}).actions.find((a) => a.id === 'cicd.force-merge-pr')!;
    expect(byDefault.approval).toEqual({ users: [], teams: ['portal-admins'], mode: 'any' });
    const deploy = actions.find((a) => a.id === 'cicd.deploy')!;
    expect(deploy.inputSchema.properties!.environment.enum).toEqual(['development', 'staging', 'production']);
  });

  it('config schema rejects a malformed repository and accepts a GitHub Enterprise base URL', () => {
    const validator = new SchemaValidator();
    expect(() => validator.assert(cicdConfigSchema, { repositories: [{ repository: 'not a repo' }] }, 'config')).toThrow('/repositories/0/repository');
    expect(() => validator.assert(cicdConfigSchema, { github: { baseUrl: 'https://ghe.example.com/api/v3' } }, 'config')).not.toThrow();
  });

  it('with a simulated GitHub, ingests the example organisation without any token', async () => {
    const hooks: Array<() => unknown> = [];
    const { providers } = initWith({ github: { simulated: true } }, hooks);
    const provider = providers.find((p) => p.id === 'cicd.github-actions')!;
    const upserts: Array<{ kind: string; id: string; relations?: Record<string, unknown> }> = [];
    const lines: string[] = [];
    const log = (message: string): void => void lines.push(message);
    const logger = { debug: log, info: log, warn: log, error: log, child: () => logger };
    try {
      await provider.refresh({ logger, signal: new AbortController().signal, apply: async (m) => void upserts.push(...((m.upsert ?? []) as typeof upserts)) });
    } finally {
      for (const hook of hooks) await hook();
    }
    expect(lines.filter((l) => l.startsWith('could not'))).toEqual([]);
    expect(upserts.filter((e) => e.kind === 'pipeline').length).toBe(8);
    const cartBuilds = upserts.filter((e) => e.kind === 'build' && e.relations?.component === 'cart-service');
    expect(cartBuilds).toHaveLength(4);
  });
});
