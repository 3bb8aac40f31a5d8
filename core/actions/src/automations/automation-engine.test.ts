import { createCatalog, type Catalog } from '@portico/catalog';
import type { ActionDefinition, Run } from '@portico/plugin-api';
import { createActionRunner } from '../create-action-runner';
import type { PorticoActionRunner } from '../runner/portico-action-runner';
import type { AutomationDefinition } from './automation';
import { REDIS_URL, deleteKeys, testLogger, testPrefix, testSecrets, waitFor } from '../__fixtures__/test-services';

jest.setTimeout(30_000);

const devEnvKind = {
  id: 'dev-env',
  title: 'Developer environment',
  schema: { type: 'object', properties: { owner: { type: 'string' }, ttlDays: { type: 'integer' }, expiresAt: { type: 'string', format: 'timer' } } },
};

/** Two portal instances sharing Redis, each with the same plugins' actions and automations loaded. */
describe('timers and automations on two instances (Redis, real catalog)', () => {
  let prefix: string;
  const catalogs: Catalog[] = [];
  const runners: PorticoActionRunner[] = [];
  const teardowns: Array<{ instance: number; entity: string; inputs: Record<string, unknown> }> = [];
  const notified: string[] = [];
  const warnings: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];

  function actions(instance: number): ActionDefinition[] {
    return [
      {
        id: 'create-dev-env',
        title: 'Spin up a developer environment',
        kind: 'dev-env',
        operation: 'create',
        inputSchema: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, ttlMs: { type: 'integer', default: 1000 } } },
        invocation: {
          type: 'handler',
          handler: async (ctx) => {
            await ctx.catalog.upsert({ kind: 'dev-env', id: String(ctx.inputs.name), title: String(ctx.inputs.name), properties: { owner: ctx.actor, ttlDays: 5, expiresAt: new Date(Date.now() + Number(ctx.inputs.ttlMs)).toISOString() } });
          },
        },
      },
      {
        id: 'teardown-dev-env',
        title: 'Tear down a developer environment',
        kind: 'dev-env',
        operation: 'delete',
        inputSchema: { type: 'object', properties: { reason: { type: 'string' } } },
        invocation: {
          type: 'handler',
          handler: async (ctx) => {
            teardowns.push({ instance, entity: ctx.entity!.id, inputs: ctx.inputs });
            await ctx.catalog.delete({ kind: 'dev-env', id: ctx.entity!.id });
          },
        },
      },
      {
        id: 'notify',
        title: 'Notify',
        operation: 'create',
        inputSchema: { type: 'object', properties: { message: { type: 'string' } } },
        invocation: { type: 'handler', handler: (ctx) => void notified.push(String(ctx.inputs.message)) },
      },
    ];
  }

  const automations: AutomationDefinition[] = [
    {
      id: 'expire-dev-envs',
      on: 'timer.expired',
      kind: 'dev-env',
      condition: { path: 'timer.property', operator: '=', value: 'expiresAt' },
      action: 'teardown-dev-env',
      inputs: { reason: 'expired at {{timer.at}}' },
    },
    {
      id: 'announce-extensions',
      on: 'entity.updated',
      kind: 'dev-env',
      condition: { all: [{ path: 'after.properties.ttlDays', operator: 'changed' }, { path: 'after.properties.ttlDays', operator: '>', value: 5 }] },
      action: 'notify',
      inputs: { message: '{{id}} extended to {{after.properties.ttlDays}} days' },
    },
    {
      id: 'report-teardowns',
      on: 'run.finished',
      actionId: 'teardown-dev-env',
      condition: { path: 'run.status', operator: '=', value: 'succeeded' },
      action: 'notify',
      inputs: { message: 'torn down {{run.entity.id}}' },
    },
  ];

  beforeAll(async () => {
    prefix = testPrefix();
    for (let i = 0; i < 2; i++) {
      const catalog = await createCatalog({ redisUrl: REDIS_URL, keyPrefix: `${prefix}cat:`, logger: testLogger() });
      catalogs.push(catalog);
      if (i === 0) await catalog.registerKind(devEnvKind, 'envs');
      const runner = await createActionRunner({ redisUrl: REDIS_URL, keyPrefix: `${prefix}run:`, catalog, logger: testLogger(warnings), secrets: testSecrets(), timerPollMs: 200 });
      for (const action of actions(i)) runner.registerAction(action, 'envs');
      for (const automation of automations) runner.registerAutomation(automation, 'dev-envs');
      runners.push(runner);
    }
  });

  afterAll(async () => {
    for (const runner of runners) await runner.close();
    for (const catalog of catalogs) await catalog.close();
    await deleteKeys(prefix);
  });

  async function runsOf(actionId: string): Promise<Run[]> {
    return (await runners[0].listRuns({ actionId, limit: 50 })).items;
  }

  it('creates an environment, its timer expires on exactly one instance, and the teardown runs once', async () => {
    const created = await runners[0].startRun({ actionId: 'create-dev-env', inputs: { name: 'ann-env', ttlMs: 1000 }, actor: 'user:ann' });
    await waitFor(async () => (await runners[0].getRun(created.id))?.status === 'succeeded', 'the environment to be created');
    expect(await catalogs[1].get({ kind: 'dev-env', id: 'ann-env' })).toMatchObject({ properties: { owner: 'user:ann' } });

    const [teardown] = await waitFor(async () => {
      const runs = await runsOf('teardown-dev-env');
      return runs.length > 0 && runs.every((r) => r.status === 'succeeded') ? runs : null;
    }, 'the teardown run', 15_000);
    expect(teardown).toMatchObject({ actor: 'plugin:dev-envs', entity: { kind: 'dev-env', id: 'ann-env' }, affectedEntities: [{ kind: 'dev-env', id: 'ann-env' }] });
    expect(String(teardown.inputs.reason)).toMatch(/^expired at \d{4}-/);
    expect(await catalogs[0].get({ kind: 'dev-env', id: 'ann-env' })).toBeNull();
    // The chain continues: the finished teardown run triggers a notification.
    await waitFor(async () => notified.includes('torn down ann-env'), 'the run.finished automation');
    // Both instances poll timers every 200 ms; give them time to (wrongly) fire twice.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await runsOf('teardown-dev-env')).toHaveLength(1);
    expect(teardowns).toHaveLength(1);
    expect(notified.filter((m) => m === 'torn down ann-env')).toHaveLength(1);
  });

  it('runs an entity.updated automation once although both instances receive the event, only when its condition holds', async () => {
    const before = (await runsOf('notify')).length;
    await catalogs[0].upsert({ kind: 'dev-env', id: 'bob-env', title: 'bob-env', properties: { owner: 'user:bob', ttlDays: 5, expiresAt: new Date(Date.now() + 3_600_000).toISOString() } });
    await catalogs[0].patch({ kind: 'dev-env', id: 'bob-env' }, { properties: { owner: 'user:bob', ttlDays: 5, expiresAt: new Date(Date.now() + 7_200_000).toISOString() } });
    await catalogs[1].patch({ kind: 'dev-env', id: 'bob-env' }, { properties: { owner: 'user:bob', ttlDays: 8, expiresAt: new Date(Date.now() + 7_200_000).toISOString() } });
    await waitFor(async () => notified.includes('bob-env extended to 8 days'), 'the extension notification');
    expect(warnings.filter((w) => w.level === 'warn')).toEqual([]);
    await new Promise((r) => setTimeout(r, 500));
    const notifyRuns = await runsOf('notify');
    expect(notifyRuns.length - before).toBe(1);
    expect(notified.filter((m) => m.startsWith('bob-env'))).toEqual(['bob-env extended to 8 days']);
  });

  it('refuses invalid automation definitions', () => {
    expect(() => runners[0].registerAutomation({ id: 'bad', on: 'entity.exploded' as never, action: 'notify' })).toThrow(/on must be one of/);
    expect(() => runners[0].registerAutomation({ id: 'bad2', on: 'entity.created', action: 'notify', condition: { path: 'x', operator: 'resembles' as never } })).toThrow(/operator must be one of/);
    expect(() => runners[0].registerAutomation(automations[0])).toThrow(/registered by dev-envs already/);
  });
});
