import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { sha256Hex } from '@portico/auth';
import { startPortal, type Portal } from './start-portal';

/**
 * The catalog holes issue 20 found, each refused with nothing changed: a token without
 * permissions writing kinds and entities (plugin-written ones too), people editing what
 * their team does not own, and reads of kinds a caller may not see.
 */

jest.setTimeout(60_000);

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const keyPrefix = `test:catalog-access:${randomUUID()}:`;
const fixtures = join(__dirname, '..', '__fixtures__', 'plugins');
const bearer = (name: string): Record<string, string> => ({ authorization: `Bearer access-${name}` });

let portal: Portal;

async function call(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; body: Record<string, unknown> & { items?: Array<Record<string, unknown>>; detail?: string } }> {
  const response = await fetch(`${portal.url}/api/v1${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

/** What the catalog holds, to show a refused request changed nothing. */
async function catalogState(): Promise<string> {
  const kinds = await call('GET', '/kinds', bearer('admin'));
  const entities = await call('POST', '/entities/query', bearer('admin'), { limit: 500 });
  return JSON.stringify([kinds.body.items?.map((k) => [k.id, k.title]), entities.body.items?.map((e) => [e.kind, e.id, e.title, e.owner, (e.meta as { version: number }).version])]);
}

beforeAll(async () => {
  const token = (name: string, extra: Record<string, unknown> = {}) => ({ name, sha256: sha256Hex(`access-${name}`), ...extra });
  portal = await startPortal({
    config: {
      plugins: [{ path: join(fixtures, 'good') }],
      auth: {
        tokens: [
          token('nobody'),
          token('admin', { permissions: ['*'] }),
          token('ann', { kind: 'user', teams: ['payments'] }),
          token('bob', { kind: 'user', teams: ['search'] }),
          token('gizmo-reader', { permissions: ['catalog.entity.read:gizmo'] }),
        ],
        assignments: [{ subject: 'user:bob', roles: ['viewer'] }],
      },
    },
    port: 0,
    redisUrl,
    keyPrefix,
    ui: false,
  });
  const admin = bearer('admin');
  expect((await call('POST', '/kinds', admin, { id: 'ledger', title: 'Ledger', schema: { type: 'object', properties: { entries: { type: 'integer' } } } })).status).toBe(201);
  expect((await call('POST', '/kinds/gizmo/entities', admin, { id: 'payments-gizmo', title: 'Payments gizmo', owner: 'payments', properties: { size: 1 } })).status).toBe(201);
  expect((await call('POST', '/kinds/ledger/entities', admin, { id: 'main-ledger', title: 'Main ledger', owner: 'payments', properties: { entries: 3 } })).status).toBe(201);
  // The plugin's provider writes `from-provider`: wait for its first refresh.
  for (let i = 0; i < 100 && (await call('GET', '/kinds/gizmo/entities/from-provider', admin)).status !== 200; i++) await new Promise((r) => setTimeout(r, 50));
});

afterAll(async () => {
  await portal?.close();
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, retryStrategy: () => null });
  const keys = await redis.keys(`${keyPrefix}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

describe('catalog access', () => {
  it('refuses every catalog write of a token without permissions, plugin-owned entities included, and changes nothing', async () => {
    const before = await catalogState();
    const nobody = bearer('nobody');
    const attempts: Array<[string, string, unknown?]> = [
      ['POST', '/kinds', { id: 'sneaky', title: 'Sneaky', schema: { type: 'object' } }],
      ['PUT', '/kinds/gizmo', { title: 'Renamed', schema: { type: 'object' } }],
      ['DELETE', '/kinds/ledger'],
      ['POST', '/kinds/gizmo/entities', { id: 'sneaky', title: 'Sneaky' }],
      ['POST', '/kinds/gizmo/entities/bulk', { entities: [{ id: 'sneaky', title: 'Sneaky' }] }],
      ['PUT', '/kinds/gizmo/entities/payments-gizmo', { title: 'Mine now' }],
      ['PATCH', '/kinds/gizmo/entities/from-provider', { title: 'Changed' }],
      ['PATCH', '/kinds/gizmo/entities/payments-gizmo', { title: 'Changed' }],
      ['DELETE', '/kinds/gizmo/entities/payments-gizmo'],
    ];
    for (const [method, path, body] of attempts) {
      const answer = await call(method, path, nobody, body);
      expect([method, path, answer.status]).toEqual([method, path, 403]);
      expect(answer.body.detail).toMatch(/needs the permission "catalog\.(kind|entity)\.[a-z]+(:[a-z]+)?"/);
    }
    expect(await catalogState()).toBe(before);
  });

  it('lets the owning team edit and delete its entity, and no one else without the permission', async () => {
    const bob = await call('PATCH', '/kinds/gizmo/entities/payments-gizmo', bearer('bob'), { title: 'Search owns this now' });
    expect(bob.status).toBe(403);
    expect(bob.body.detail).toContain('user:bob is not a member of its owning team "payments"');
    const ann = await call('PATCH', '/kinds/gizmo/entities/payments-gizmo', bearer('ann'), { title: 'Payments gizmo, renamed' });
    expect(ann.status).toBe(200);
    expect(ann.body).toMatchObject({ title: 'Payments gizmo, renamed', meta: { updatedBy: 'user:ann' } });
    // Ann may not give it away to a team she is not in, nor create one for another team.
    expect((await call('PATCH', '/kinds/gizmo/entities/payments-gizmo', bearer('ann'), { owner: 'search' })).status).toBe(403);
    expect((await call('POST', '/kinds/gizmo/entities', bearer('ann'), { id: 'for-search', title: 'For search', owner: 'search' })).status).toBe(403);
    expect((await call('POST', '/kinds/gizmo/entities', bearer('ann'), { id: 'for-payments', title: 'For payments', owner: 'payments' })).status).toBe(201);
    expect((await call('DELETE', '/kinds/gizmo/entities/for-payments', bearer('bob'))).status).toBe(403);
    expect((await call('DELETE', '/kinds/gizmo/entities/for-payments', bearer('ann'))).status).toBe(204);
  });

  it('keeps a plugin-written entity to its kind\'s editable fields, for admins too, and never deletes it', async () => {
    const admin = bearer('admin');
    const title = await call('PATCH', '/kinds/gizmo/entities/from-provider', admin, { title: 'Renamed by hand' });
    expect(title.status).toBe(403);
    expect(title.body.detail).toBe('gizmo/from-provider is written by the plugin "good", so title cannot be changed here (the plugin would overwrite it). People may change only size.');
    expect(title.body.fields).toEqual(['title']);
    const size = await call('PATCH', '/kinds/gizmo/entities/from-provider', admin, { properties: { size: 4 } });
    expect(size.status).toBe(200);
    expect(size.body).toMatchObject({ title: 'From provider', properties: { size: 4 } });
    const bulk = await call('POST', '/kinds/gizmo/entities/bulk', admin, { entities: [{ id: 'ok-one', title: 'Fine' }, { id: 'from-provider', title: 'Sneaked in bulk' }] });
    expect(bulk.status).toBe(403);
    expect(bulk.body.detail).toMatch(/^\/entities\/1: gizmo\/from-provider is written by the plugin "good"/);
    expect((await call('GET', '/kinds/gizmo/entities/ok-one', admin)).status).toBe(404);
    const removed = await call('DELETE', '/kinds/gizmo/entities/from-provider', admin);
    expect(removed.status).toBe(403);
    expect((await call('GET', '/kinds/gizmo/entities/from-provider', admin)).body).toMatchObject({ title: 'From provider' });
  });

  it('shows a caller only the kinds it may read, in lists, queries, facets and relations', async () => {
    const reader = bearer('gizmo-reader');
    expect((await call('GET', '/kinds', reader)).body.items?.map((k) => k.id)).toEqual(['gizmo']);
    expect((await call('GET', '/kinds/ledger', reader)).status).toBe(403);
    expect((await call('GET', '/kinds/ledger/entities/main-ledger', reader)).status).toBe(403);
    const everything = await call('POST', '/entities/query', reader, { limit: 100, facets: ['owner'] });
    expect(everything.status).toBe(200);
    expect(new Set(everything.body.items?.map((e) => e.kind))).toEqual(new Set(['gizmo']));
    expect(everything.body.total).toBe(everything.body.items?.length);
    expect(JSON.stringify(everything.body)).not.toContain('main-ledger');
    expect((await call('POST', '/entities/query', reader, { kind: 'ledger' })).body).toEqual({ items: [], total: 0, nextCursor: null });
    const searched = await call('POST', '/entities/query', reader, { search: 'ledger' });
    expect(searched.body.items).toEqual([]);
    // The token with no permissions reads nothing at all.
    expect((await call('GET', '/kinds', bearer('nobody'))).body.items).toEqual([]);
    expect((await call('POST', '/entities/query', bearer('nobody'), {})).body).toEqual({ items: [], total: 0, nextCursor: null });
  });
});
