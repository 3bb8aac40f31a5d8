import request from 'supertest';
import { createApiRouter, createHttpApp } from '@portico/http';
import type { Identity } from '@portico/plugin-api';
import { ApiTokenBook, ApiTokenSource, ConfigTokenSource, EmbeddedStateStore, RoleBook, resolveActor } from '@portico/auth';
import { createActionRunner } from '../create-action-runner';
import type { PorticoActionRunner } from '../runner/portico-action-runner';
import { testCatalog } from '../__fixtures__/test-catalog';
import { testLogger, testSecrets, waitFor } from '../__fixtures__/test-services';

jest.setTimeout(30_000);

// Both manage automations; only Ann's roles grant the permission the action needs.
const person = (name: string, permissions: string[]): Identity => ({ id: `user:${name}`, kind: 'user', displayName: name, teams: [], isGuest: false, permissions });
const people: Record<string, Identity> = {
  ann: person('ann', ['automations.manage', 'automations.read', 'actions.run', 'ops.purge']),
  bob: person('bob', ['automations.manage', 'automations.read', 'actions.run']),
};

describe('automations run as someone, checked each time they fire', () => {
  let runner: PorticoActionRunner;
  let catalog: Awaited<ReturnType<typeof testCatalog>>;
  let roleBook: RoleBook;
  let apiTokens: ApiTokenBook;
  let apiTokenSource: ApiTokenSource;
  let app: ReturnType<typeof createHttpApp>;
  const purged: string[] = [];
  const warnings: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];

  beforeAll(async () => {
    catalog = await testCatalog();
    // The real lookups the kernel wires in: roles from the RoleBook (changed through it below), config tokens.
    roleBook = new RoleBook({ store: new EmbeddedStateStore(), roles: { purger: { description: 'Purges caches', permissions: ['actions.run', 'ops.purge'] } }, defaultRoles: [] });
    const configTokens = new ConfigTokenSource([], roleBook);
    // API tokens as the kernel wires them: scopes cut to what the owner's roles grant now.
    apiTokens = new ApiTokenBook({ store: new EmbeddedStateStore() });
    apiTokenSource = new ApiTokenSource(apiTokens, async (record) => ({ teams: [], permissions: roleBook.permissionsOf(await roleBook.rolesOf({ id: record.owner, kind: 'user', teams: [] })) }));
    runner = await createActionRunner({ catalog, logger: testLogger(warnings), secrets: testSecrets(), resolveActor: (id) => resolveActor(id, { configTokens, apiTokens: apiTokenSource, roleBook, teamsOf: async () => null, guest: null }) });
    runner.registerAction({ id: 'purge', title: 'Purge caches', operation: 'create', permission: 'ops.purge', inputSchema: { type: 'object', properties: { service: { type: 'string' } } }, invocation: { type: 'handler', handler: (ctx) => void purged.push(String(ctx.inputs.service)) } }, 'ops');
    app = createHttpApp({
      api: [{ prefix: '', router: createApiRouter(runner.routes()) }],
      authenticate: async (a) => {
        const bearer = (a ?? '').replace('Bearer ', '');
        return people[bearer] ?? (await apiTokenSource.resolve({ bearer })) ?? null;
      },
    });
    await roleBook.assign('user:ann', ['purger']);
    await roleBook.assign('user:bob', ['developer']);
  });

  afterAll(async () => {
    await runner.close();
    await catalog.dispose();
  });

  const automation = (id: string, extra: Record<string, unknown> = {}) => ({ id, on: 'entity.created', kind: 'service', action: 'purge', inputs: { service: '{{id}}' }, ...extra });
  const runsOfPurge = async () => (await runner.listRuns({ actionId: 'purge', limit: 50 })).items;
  const refusal = (id: string) => warnings.find((w) => w.message === `Automation "${id}" could not start its run`);

  it('refuses an actor in the body with a 400 saying the actor is the creator, and stores nothing', async () => {
    const res = await request(app).post('/api/v1/automations').set('authorization', 'Bearer bob').send(automation('as-alice', { actor: 'user:alice' })).expect(400);
    expect(res.body.errors).toEqual([{ pointer: '/actor', message: 'is not allowed: the actor is the creator, user:bob' }]);
    expect((await runner.automations.list()).map((a) => a.definition.id)).not.toContain('as-alice');
  });

  it('starts nothing when the creator may not start the action, and logs why', async () => {
    const created = await request(app).post('/api/v1/automations').set('authorization', 'Bearer bob').send(automation('bob-purges')).expect(201);
    expect(created.body).toMatchObject({ createdBy: 'user:bob' });
    await catalog.upsert({ kind: 'service', id: 'cart', title: 'Cart' });
    await waitFor(async () => refusal('bob-purges'), 'the refusal to be logged');
    expect(refusal('bob-purges')!.fields).toMatchObject({ actor: 'user:bob', error: expect.stringContaining('needs the permission "ops.purge", which user:bob does not have') });
    expect(await runsOfPurge()).toEqual([]);
    expect(purged).toEqual([]);
    await request(app).delete('/api/v1/automations/bob-purges').set('authorization', 'Bearer bob').expect(204);
  });

  it('runs as a creator who holds the permission, and stops once their role is taken away', async () => {
    await request(app).post('/api/v1/automations').set('authorization', 'Bearer ann').send(automation('ann-purges')).expect(201);
    const listed = await request(app).get('/api/v1/automations').set('authorization', 'Bearer ann').expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: 'ann-purges', owner: 'api', runsAs: 'user:ann' })]);
    await catalog.upsert({ kind: 'service', id: 'checkout', title: 'Checkout' });
    await waitFor(async () => purged.includes('checkout'), 'the automation run');
    expect((await runsOfPurge()).map((r) => r.actor)).toEqual(['user:ann']);

    // Re-resolved when it fires: without the role, Ann's automation starts nothing.
    await roleBook.assign('user:ann', []);
    await catalog.upsert({ kind: 'service', id: 'search', title: 'Search' });
    await waitFor(async () => refusal('ann-purges'), 'the refusal to be logged');
    expect(refusal('ann-purges')!.fields?.error).toContain('which user:ann does not have');
    expect(purged).toEqual(['checkout']);
    expect(await runsOfPurge()).toHaveLength(1);
    await request(app).delete('/api/v1/automations/ann-purges').set('authorization', 'Bearer ann').expect(204);
  });

  it('runs as the API token that created it, cut to its owner\'s current roles, and stops once it is revoked', async () => {
    await roleBook.assign('user:cem', ['purger']);
    const { value, token } = await apiTokens.create({ name: 'ci', owner: { id: 'user:cem', displayName: 'Cem', teams: [], via: 'session' }, scopes: ['actions.run', 'ops.purge'], expiresAt: new Date(Date.now() + 86_400_000) });
    // Automations are created by holders of automations.manage; this one is recorded as the token's.
    await runner.automations.createFromApi(automation('token-purges') as never, `token:${token.id}`);
    await catalog.upsert({ kind: 'service', id: 'orders', title: 'Orders' });
    await waitFor(async () => purged.includes('orders'), 'the run in the token\'s name');
    expect((await runsOfPurge()).find((r) => r.actor === `token:${token.id}`)).toBeDefined();
    expect(value.startsWith('pat_')).toBe(true);

    await apiTokens.revoke(token.id);
    await catalog.upsert({ kind: 'service', id: 'billing', title: 'Billing' });
    await waitFor(async () => refusal('token-purges'), 'the refusal to be logged');
    expect(refusal('token-purges')!.fields?.error).toBe(`its creator token:${token.id} no longer exists; nothing ran`);
    expect(purged).not.toContain('billing');
    await runner.automations.deleteFromApi('token-purges');
  });

  it('starts nothing for a creator who no longer exists', async () => {
    // A config token that made an automation, then was removed from the config.
    const runsBefore = (await runsOfPurge()).length;
    await runner.automations.createFromApi(automation('gone-token') as never, 'token:deploy-bot');
    await catalog.upsert({ kind: 'service', id: 'ledger', title: 'Ledger' });
    await waitFor(async () => refusal('gone-token'), 'the refusal to be logged');
    expect(refusal('gone-token')!.fields?.error).toBe('its creator token:deploy-bot no longer exists; nothing ran');
    expect(await runsOfPurge()).toHaveLength(runsBefore);
    await runner.automations.deleteFromApi('gone-token');
  });

  it("runs a plugin's automation as plugin:<id>", async () => {
    const dispose = runner.registerAutomation({ id: 'ops.purge-new', on: 'entity.created', kind: 'service', action: 'purge', inputs: { service: '{{id}}' } }, 'ops');
    try {
      await catalog.upsert({ kind: 'service', id: 'payments', title: 'Payments' });
      await waitFor(async () => purged.includes('payments'), 'the plugin automation run');
      expect((await runsOfPurge()).find((r) => r.actor === 'plugin:ops')).toBeDefined();
    } finally {
      dispose();
    }
  });
});
