import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { buildOpenApiDocument, createApiRouter, createHttpApp } from '@portico/http';
import { createCatalog } from '../catalog/create-catalog';
import { RedisCatalogStore } from '../store/redis/redis-catalog-store';
import type { PorticoCatalog } from '../catalog/portico-catalog';
import { exampleEntities, exampleKinds, testLogger } from '../testing/example-model';

let dataDir: string;
let catalog: PorticoCatalog;
let app: Express;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'portico-routes-'));
  catalog = (await createCatalog({ dataDir, logger: testLogger() })) as PorticoCatalog;
  for (const kind of exampleKinds) await catalog.registerKind(kind, 'example');
  await catalog.upsertMany(exampleEntities, { actor: 'user:seed' });
  app = createHttpApp({
    api: [{ prefix: '', router: createApiRouter(catalog.routes()) }],
    bodyLimit: '64kb',
    authenticate: async () => ({ id: 'user:alice', kind: 'user', displayName: 'Alice', teams: [], isGuest: false, permissions: ['*'] }),
  });
});

afterEach(async () => {
  await catalog.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function snapshot(): Promise<string> {
  const result = await catalog.query({ limit: 500 });
  return JSON.stringify([result.total, result.items.map((e) => [e.kind, e.id, e.meta.version]), (await catalog.listKinds()).map((k) => k.id)]);
}

describe('catalog REST routes', () => {
  it('manages kinds: create, read, change with a dry run and force, delete', async () => {
    const created = await request(app).post('/api/v1/kinds').send({ id: 'runbook', title: 'Runbook', schema: { type: 'object', properties: { steps: { type: 'integer' } } } }).expect(201);
    expect(created.body).toMatchObject({ id: 'runbook', source: 'api' });
    expect((await request(app).get('/api/v1/kinds').expect(200)).body.items.map((k: { id: string }) => k.id)).toEqual(['component', 'domain', 'runbook', 'system', 'team']);
    await request(app).post('/api/v1/kinds/runbook/entities').send({ id: 'r1', title: 'R1', properties: { steps: 3 } }).expect(201);
    const breaking = { title: 'Runbook', schema: { type: 'object', properties: { steps: { type: 'string' } } } };
    const dry = await request(app).put('/api/v1/kinds/runbook?dryRun=true').send(breaking).expect(200);
    expect(dry.body).toMatchObject({ breakingCount: 1, applied: false, breaking: [{ id: 'r1', errors: [{ pointer: '/properties/steps', message: 'must be string' }] }] });
    const refused = await request(app).put('/api/v1/kinds/runbook').send(breaking).expect(409);
    expect(refused.body).toMatchObject({ type: 'urn:portico:problem:kind-change-breaks-entities', breakingCount: 1 });
    await request(app).put('/api/v1/kinds/runbook?force=true').send(breaking).expect(200);
    expect((await request(app).get('/api/v1/kinds/runbook').expect(200)).body.schema.properties.steps.type).toBe('string');
    await request(app).delete('/api/v1/kinds/runbook').expect(409);
    await request(app).delete('/api/v1/kinds/runbook/entities/r1').expect(204);
    await request(app).delete('/api/v1/kinds/runbook').expect(204);
    await request(app).get('/api/v1/kinds/runbook').expect(404);
    const plugin = await request(app).put('/api/v1/kinds/team').send({ title: 'T', schema: { type: 'object' } }).expect(409);
    expect(plugin.body.detail).toContain('plugin "example"');
  });

  it('serves entities with ETags and honours If-Match on PUT, PATCH and DELETE', async () => {
    const created = await request(app).post('/api/v1/kinds/team/entities').send({ id: 't-ops', title: 'Ops', properties: { slack: '#ops' } }).expect(201);
    expect(created.headers.etag).toBe('W/"1"');
    expect(created.body.meta).toMatchObject({ createdBy: 'user:alice', version: 1 });
    await request(app).post('/api/v1/kinds/team/entities').send({ id: 't-ops', title: 'Again' }).expect(409);
    const got = await request(app).get('/api/v1/kinds/team/entities/t-ops').expect(200);
    expect(got.headers.etag).toBe('W/"1"');
    const put = await request(app).put('/api/v1/kinds/team/entities/t-ops').set('if-match', 'W/"1"').send({ title: 'Operations', properties: { slack: '#ops' } }).expect(200);
    expect(put.headers.etag).toBe('W/"2"');
    const stale = await request(app).put('/api/v1/kinds/team/entities/t-ops').set('if-match', 'W/"1"').send({ title: 'Lost update' }).expect(412);
    expect(stale.body.type).toBe('urn:portico:problem:precondition-failed');
    await request(app).patch('/api/v1/kinds/team/entities/t-ops').set('if-match', '"1"').send({ title: 'x' }).expect(412);
    const patched = await request(app).patch('/api/v1/kinds/team/entities/t-ops').set('if-match', '"2"').send({ properties: { slack: '#operations' } }).expect(200);
    expect(patched.body).toMatchObject({ title: 'Operations', properties: { slack: '#operations' }, meta: { version: 3, updatedBy: 'user:alice' } });
    await request(app).delete('/api/v1/kinds/team/entities/t-ops').set('if-match', 'W/"2"').expect(412);
    await request(app).delete('/api/v1/kinds/team/entities/t-ops').set('if-match', 'W/"3"').expect(204);
    await request(app).get('/api/v1/kinds/team/entities/t-ops').expect(404);
    const created2 = await request(app).put('/api/v1/kinds/team/entities/t-new').send({ title: 'New' }).expect(201);
    expect(created2.body.id).toBe('t-new');
  });

  it('refuses deleting a required entity with its dependents, and cascades on request', async () => {
    const refused = await request(app).delete('/api/v1/kinds/system/entities/products').expect(409);
    expect(refused.body.dependents).toEqual(expect.arrayContaining([{ kind: 'component', id: 'products-service', relation: 'component.system' }]));
    await request(app).delete('/api/v1/kinds/system/entities/products?cascade=true').expect(204);
    await request(app).get('/api/v1/kinds/component/entities/core-payment').expect(404);
  });

  it('bulk-upserts with a result per item', async () => {
    const res = await request(app)
      .post('/api/v1/kinds/team/entities/bulk')
      .send({ entities: [{ id: 'b1', title: 'B1' }, { id: 'b2', title: 'B2', properties: { slack: 5 } }, { id: 't-cart', title: 'Cart team', properties: { slack: '#cart' } }, { kind: 'domain', id: 'b3' }] })
      .expect(200);
    expect(res.body).toMatchObject({ created: 1, updated: 0, unchanged: 1, failed: 2 });
    expect(res.body.results[1]).toMatchObject({ status: 'error', error: { status: 400, errors: [{ pointer: '/1/properties/slack', message: 'must be string' }] } });
    expect(res.body.results[3].error.errors[0].pointer).toBe('/3/kind');
  });

  it('lists, queries and shows relations in both directions', async () => {
    const page = await request(app).get('/api/v1/kinds/component/entities?limit=2&facets=language').expect(200);
    expect(page.body.items.map((e: { id: string }) => e.id)).toEqual(['cart-service', 'core-kafka']);
    expect(page.body.facets.language).toEqual({ typescript: 1, go: 1, java: 2 });
    const next = await request(app).get(`/api/v1/kinds/component/entities?limit=2&cursor=${page.body.nextCursor}`).expect(200);
    expect(next.body.items.map((e: { id: string }) => e.id)).toEqual(['core-payment', 'products-service']);
    expect(next.body.nextCursor).toBeNull();
    const sorted = await request(app).get('/api/v1/kinds/component/entities?sort=replicas&order=desc&limit=1').expect(200);
    expect(sorted.body.items[0].id).toBe('core-payment');
    const query = await request(app)
      .post('/api/v1/entities/query')
      .send({ kind: 'component', filter: { combinator: 'and', rules: [{ property: 'tags', operator: 'contains', value: 'critical' }] }, search: 'core' })
      .expect(200);
    expect(query.body).toMatchObject({ total: 1, items: [{ id: 'core-payment', computed: { domainTitle: 'Order domain' } }] });
    const relations = await request(app).get('/api/v1/entities/component/core-kafka/relations').expect(200);
    expect(relations.body.outgoing).toEqual([{ relation: 'system', title: 'Part of', kind: 'system', id: 'cart', exists: true }]);
    expect(relations.body.incoming.map((r: { id: string }) => r.id).sort()).toEqual(['cart-service', 'core-payment', 'products-service']);
    await request(app).get('/api/v1/entities/component/nope/relations').expect(404);
  });

  describe('bad input gets a 4xx problem saying what and where, and changes nothing', () => {
    const cases: Array<[string, (app: Express) => request.Test, number, RegExp | null, string | null]> = [
      ['wrong property type', (a) => request(a).put('/api/v1/kinds/component/entities/cart-service').send({ title: 'x', properties: { lifecycle: 'production', replicas: 'many' }, relations: { system: 'cart' } }), 400, /replicas/, '/properties/replicas'],
      ['wrong field type', (a) => request(a).post('/api/v1/kinds/team/entities').send({ id: 'z', title: 42 }), 400, /title/, '/title'],
      ['unknown kind in the path', (a) => request(a).post('/api/v1/kinds/spaceship/entities').send({ id: 'z' }), 404, /spaceship/, null],
      ['unknown kind in a query', (a) => request(a).post('/api/v1/entities/query').send({ kind: 'spaceship' }), 400, /spaceship/, '/kind'],
      ['unknown relation target', (a) => request(a).post('/api/v1/kinds/component/entities').send({ id: 'z', properties: { lifecycle: 'production' }, relations: { system: 'atlantis' } }), 400, /atlantis/, '/relations/system'],
      ['unknown relation name', (a) => request(a).post('/api/v1/kinds/component/entities').send({ id: 'z', properties: { lifecycle: 'production' }, relations: { system: 'cart', eats: 'x' } }), 400, /eats/, '/relations/eats'],
      ['oversized payload', (a) => request(a).post('/api/v1/kinds/team/entities').send({ id: 'z', title: 'x'.repeat(70_000) }), 413, /larger than the limit/, null],
      ['__proto__ key', (a) => request(a).post('/api/v1/kinds/team/entities').set('content-type', 'application/json').send('{"id":"z","properties":{"__proto__":{"admin":true}}}'), 400, /__proto__/, '/properties/__proto__'],
      ['malformed JSON', (a) => request(a).post('/api/v1/kinds/team/entities').set('content-type', 'application/json').send('{"id": "z",'), 400, /not valid JSON/, null],
      ['invalid cursor', (a) => request(a).get('/api/v1/kinds/team/entities?cursor=AAAA'), 400, /cursor/, '/cursor'],
      ['invalid cursor in a query', (a) => request(a).post('/api/v1/entities/query').send({ kind: 'team', cursor: '!!' }), 400, /cursor/, '/cursor'],
      ['bad id', (a) => request(a).post('/api/v1/kinds/team/entities').send({ id: 'Has Spaces' }), 400, /id/, '/id'],
      ['bad operator value', (a) => request(a).post('/api/v1/entities/query').send({ kind: 'component', filter: { combinator: 'and', rules: [{ property: 'replicas', operator: 'between', value: [1] }] } }), 400, /between/, '/filter/rules/0/value'],
      ['bad limit', (a) => request(a).get('/api/v1/kinds/team/entities?limit=abc'), 400, /limit/, '/query/limit'],
      ['oversized bulk', (a) => request(a).post('/api/v1/kinds/team/entities/bulk').send({ entities: Array.from({ length: 1001 }, () => ({})) }), 400, /entities/, '/entities'],
      ['bad kind definition', (a) => request(a).post('/api/v1/kinds').send({ id: 'ok-kind', title: 'K', schema: { type: 'object', properties: { 'bad name': { type: 'string' } } } }), 400, /bad name/, '/schema/properties/bad name'],
      ['unknown entity', (a) => request(a).patch('/api/v1/kinds/team/entities/ghost').send({ title: 'x' }), 404, /ghost/, null],
    ];
    it.each(cases)('%s', async (_name, send, status, detail, pointer) => {
      const before = await snapshot();
      const res = await send(app).expect(status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.status).toBe(status);
      if (detail) expect(`${res.body.detail} ${JSON.stringify(res.body.errors ?? [])}`).toMatch(detail);
      if (pointer) expect(res.body.errors?.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
      expect(await snapshot()).toBe(before);
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
    });
  });

  it.each(['embedded', 'redis'])('answers plain kinds from stored JSON exactly as the object path would (%s)', async (storeName) => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-plain-'));
    const keyPrefix = `test:${randomBytes(6).toString('hex')}:`;
    const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const plain = (await createCatalog(storeName === 'redis' ? { redisUrl, keyPrefix, logger: testLogger() } : { dataDir: dir, logger: testLogger() })) as PorticoCatalog;
    try {
      await plain.registerKind({ id: 'team', title: 'Team', schema: { type: 'object', properties: { size: { type: 'integer' }, slack: { type: 'string' } } } }, 'test');
      // One title outside ASCII: stored JSON travels as UTF-8 bytes on Redis, so Content-Length and splicing must count bytes.
      await plain.upsertMany(Array.from({ length: 7 }, (_, i) => ({ kind: 'team', id: `t${i}`, title: i === 3 ? 'Team 3 – Équipe 日本' : `Team ${i}`, properties: { size: i, slack: i % 2 ? '#odd' : '#even' }, relations: {} })), { actor: 'u' });
      const plainApp = createHttpApp({ api: [{ prefix: '', router: createApiRouter(plain.routes()) }] });
      const got = await request(plainApp).get('/api/v1/kinds/team/entities/t3').expect(200);
      expect(got.headers.etag).toBe('W/"1"');
      expect(got.headers['content-type']).toMatch(/application\/json/);
      expect(got.body).toEqual(await plain.get({ kind: 'team', id: 't3' }));
      for (const query of [{ limit: 3, facets: ['slack'] }, { kind: 'team', limit: 2, sort: { property: 'size', order: 'desc' as const } }, { search: 'team', limit: 4 }]) {
        const viaHttp = await request(plainApp).post('/api/v1/entities/query').send(query).expect(200);
        expect(viaHttp.body).toEqual(JSON.parse(JSON.stringify(await plain.query(query))));
        const next = await request(plainApp).post('/api/v1/entities/query').send({ ...query, cursor: viaHttp.body.nextCursor }).expect(200);
        expect(next.body.items[0]).toBeDefined();
      }
    } finally {
      await plain.close();
      rmSync(dir, { recursive: true, force: true });
      if (storeName === 'redis') {
        const store = await RedisCatalogStore.connect({ url: redisUrl, keyPrefix, logger: testLogger() });
        await store.destroyAll();
        await store.close();
      }
    }
  });

  it('describes exactly the routes it serves in the OpenAPI document', async () => {
    const routes = catalog.routes();
    const doc = buildOpenApiDocument({ title: 'Portico', version: '1', serverUrl: '/api/v1', groups: [{ prefix: '', routes }] }) as { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(
      [
        'GET /kinds',
        'POST /kinds',
        'GET /kinds/{kind}',
        'PUT /kinds/{kind}',
        'DELETE /kinds/{kind}',
        'GET /kinds/{kind}/entities',
        'POST /kinds/{kind}/entities',
        'GET /kinds/{kind}/entities/{id}',
        'PUT /kinds/{kind}/entities/{id}',
        'PATCH /kinds/{kind}/entities/{id}',
        'DELETE /kinds/{kind}/entities/{id}',
        'POST /kinds/{kind}/entities/bulk',
        'POST /entities/query',
        'GET /entities/{kind}/{id}/relations',
        'POST /catalog/apply',
      ].sort(),
    );
    expect(new Set(routes.map((r) => r.operationId)).size).toBe(routes.length);
    // Every documented operation is served: none answers "no such route".
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops)) {
        const url = `/api/v1${path.replace('{kind}', 'team').replace('{id}', 't-cart')}`;
        const res = await (request(app) as unknown as Record<string, (u: string) => request.Test>)[method](url).send(method === 'get' || method === 'delete' ? undefined : {});
        expect(res.body?.type).not.toBe('urn:portico:problem:route-not-found');
      }
    }
  });
});
