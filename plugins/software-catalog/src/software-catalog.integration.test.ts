import { randomUUID } from 'node:crypto';
import { startPortal, type Portal } from '@portico/kernel';
import { deleteRedisKeys } from '@portico/test-utils';

// The plugin in a real portal on Redis: the example organisation loads through the
// provider, relations resolve in both directions, and the queries the widgets send work.

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const keyPrefix = `test:software-catalog:${randomUUID()}:`;
let portal: Portal;

async function api(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${portal.url}/api/v1${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  return { status: res.status, body: await res.json() };
}

async function query(body: unknown): Promise<any[]> {
  const res = await api('POST', '/entities/query', body);
  if (res.status !== 200) throw new Error(`query answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.items;
}

beforeAll(async () => {
  portal = await startPortal({
    config: { plugins: [{ path: `${__dirname}/..`, config: { sampleData: true } }], auth: { guest: true } },
    port: 0,
    redisUrl,
    keyPrefix,
    ui: false,
    strict: true,
    conditions: ['source'],
  });
  const deadline = Date.now() + 15_000;
  while ((await api('GET', '/kinds/component/entities/cart-service')).status !== 200) {
    if (Date.now() > deadline) throw new Error('the example organisation did not load');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}, 30_000);

afterAll(async () => {
  await portal?.close();
  await deleteRedisKeys([keyPrefix], redisUrl);
});

it('registers the seven kinds', async () => {
  const res = await api('GET', '/kinds');
  const ids = (Array.isArray(res.body) ? res.body : res.body.items).map((k: { id: string }) => k.id);
  expect(ids).toEqual(expect.arrayContaining(['domain', 'system', 'component', 'api', 'resource', 'team', 'user']));
});

it('loads the whole example organisation', async () => {
  const all = await query({ limit: 100 });
  expect(all.map((e) => `${e.kind}:${e.id}`).sort()).toEqual(
    [
      'api:cart-api', 'component:cart-service', 'component:core-kafka', 'component:core-payment', 'component:products-service', 'domain:order',
      'resource:cart-db', 'system:cart', 'system:products', 'team:catalog-team', 'team:checkout-team', 'user:alice', 'user:bob', 'user:carol', 'user:dave',
    ].sort(),
  );
});

it('resolves relations in both directions with Backstage names', async () => {
  const cart = await api('GET', '/entities/component/cart-service/relations');
  expect(cart.status).toBe(200);
  expect(cart.body.outgoing.map((r: { relation: string; id: string }) => `${r.relation}:${r.id}`).sort()).toEqual(
    ['dependsOn:core-kafka', 'dependsOn:core-payment', 'dependsOnResource:cart-db', 'partOf:cart', 'providesApi:cart-api'],
  );
  const api_ = await api('GET', '/entities/api/cart-api/relations');
  expect(api_.body.incoming.map((r: { title: string; id: string }) => `${r.title}:${r.id}`).sort()).toEqual(['Consumed by:products-service', 'Provided by:cart-service']);
  const team = await api('GET', '/entities/team/checkout-team/relations');
  expect(team.body.incoming.map((r: { via: string; id: string }) => `${r.via}:${r.id}`).sort()).toEqual(['memberOf:alice', 'memberOf:bob', 'memberOf:dave']);
  const kafka = await api('GET', '/entities/component/core-kafka/relations');
  expect(kafka.body.incoming.map((r: { title: string; id: string }) => `${r.title}:${r.id}`).sort()).toEqual(['Dependency of:cart-service', 'Dependency of:products-service']);
});

it('answers the queries the widgets send', async () => {
  // OwnershipCard: everything a user's teams own.
  const owned = await query({ filter: { combinator: 'and', rules: [{ property: 'owner', operator: 'in', value: ['catalog-team'] }] }, limit: 100 });
  expect(owned.map((e) => e.id).sort()).toEqual(['core-kafka', 'products', 'products-service']);
  // SystemOverview: the parts of a system.
  const parts = await query({ filter: { combinator: 'and', rules: [{ operator: 'relatedTo', kind: 'system', id: 'cart', direction: 'downstream', maxHops: 1, relation: 'partOf' }] }, limit: 200 });
  expect(parts.map((e) => `${e.kind}:${e.id}`).sort()).toEqual(['api:cart-api', 'component:cart-service', 'resource:cart-db']);
  // RelationsCard: everything pointing at an entity.
  const pointing = await query({ filter: { combinator: 'and', rules: [{ operator: 'relatedTo', kind: 'api', id: 'cart-api', direction: 'downstream', maxHops: 1 }] }, limit: 100 });
  expect(pointing.map((e) => e.id).sort()).toEqual(['cart-service', 'products-service']);
  // RelationsCard: titles of the targets of outgoing relations, across kinds.
  const targets = await query({ filter: { combinator: 'and', rules: [{ property: 'id', operator: 'in', value: ['cart', 'checkout-team', 'cart-db'] }] }, limit: 200 });
  expect(targets.map((e) => `${e.kind}:${e.title}`).sort()).toEqual(['resource:Cart database', 'system:Cart', 'team:Checkout team']);
});

it('computes the mirrored domain and the part count', async () => {
  const component = await api('GET', '/kinds/component/entities/cart-service');
  expect(component.body.computed).toMatchObject({ domain: 'Order' });
  const system = await api('GET', '/kinds/system/entities/cart');
  expect(system.body.computed).toMatchObject({ partCount: 3 });
});

it('refuses a component whose owner is not a team', async () => {
  const res = await api('POST', '/kinds/component/entities', { kind: 'component', id: 'orphan', title: 'Orphan', owner: 'nobody', properties: { type: 'service', lifecycle: 'production' } });
  expect(res.status).toBe(400);
  expect(JSON.stringify(res.body)).toContain('nobody');
});
