import { cursorPage, offsetPage } from './pagination';
import { startUpstreamFake, type UpstreamFake } from './upstream-fake';
import { deliverWebhook, hmacSha256Hex } from './webhook-signature';

const items = Array.from({ length: 7 }, (_, i) => ({ id: `obj_${i}` }));
let fake: UpstreamFake;

beforeAll(async () => {
  fake = await startUpstreamFake({
    name: 'Vendor',
    authenticate: (req) => (req.headers.authorization === 'Token token=good' ? undefined : { status: 401, body: { error: { message: 'Unauthorized', code: 2006 } } }),
    errorBody: (status, message, problems) => ({ error: { code: status * 10, message, errors: problems } }),
    routes: [
      { route: 'GET /things', handle: (req) => ({ body: offsetPage(items, req.query, { defaultLimit: 3, maxLimit: 5 }) }) },
      { route: 'GET /cursor', handle: (req) => ({ body: cursorPage(items, req.query, { idOf: (i) => i.id, defaultLimit: 2 }) }) },
      { route: 'GET /things/:id', handle: (req) => ({ body: { id: req.params.id } }) },
      {
        route: 'POST /things',
        request: { body: { type: 'object', required: ['thing'], properties: { thing: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 } } } } } },
        handle: (req) => ({ status: 201, body: req.body }),
      },
      { route: 'POST /forms', handle: (req) => ({ body: req.body }) },
    ],
  });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const get = (path: string, init: RequestInit = {}) => fetch(`${fake.url}${path}`, { ...init, headers: { authorization: 'Token token=good', ...(init.headers ?? {}) } });

describe('startUpstreamFake', () => {
  it('refuses bad credentials before any route runs', async () => {
    const res = await fetch(`${fake.url}/things`, { headers: { authorization: 'Token token=bad' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { message: 'Unauthorized', code: 2006 } });
  });

  it('paginates by offset and limit, capped at the maximum', async () => {
    expect(await (await get('/things?offset=6&limit=3')).json()).toEqual({ items: [{ id: 'obj_6' }], offset: 6, limit: 3, more: false, total: 7 });
    const capped = await (await get('/things?limit=50')).json();
    expect(capped.items).toHaveLength(5);
    expect(capped.more).toBe(true);
  });

  it('paginates by cursor both ways', async () => {
    expect(await (await get('/cursor?starting_after=obj_4&limit=2')).json()).toEqual({ items: [{ id: 'obj_5' }, { id: 'obj_6' }], hasMore: false });
    expect(await (await get('/cursor?ending_before=obj_1&limit=5')).json()).toEqual({ items: [{ id: 'obj_0' }], hasMore: false });
  });

  it('answers a body that misses a documented field with 400, the field named, and records it', async () => {
    const res = await get('/things', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ thing: {} }) });
    expect(res.status).toBe(400);
    expect((await res.json()).error.errors).toEqual(['body/thing/name is required']);
    expect(fake.rejected).toHaveLength(1);
    const ok = await get('/things', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ thing: { name: 'x' } }) });
    expect(ok.status).toBe(201);
  });

  it('decodes form bodies with bracketed keys', async () => {
    const res = await get('/forms', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=a%40b.c&metadata[team]=sre&items[0][price]=p_1' });
    expect(await res.json()).toEqual({ email: 'a@b.c', metadata: { team: 'sre' }, items: [{ price: 'p_1' }] });
  });

  it('injects failures and rate limits for the next requests only', async () => {
    fake.rateLimit('GET /things/:id', { times: 2, retryAfterSeconds: 3 });
    fake.failNext('*', { status: 503, body: { error: { message: 'down' } } });
    expect((await get('/things/a')).status).toBe(429);
    const limited = await get('/things/a');
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '3']);
    expect((await get('/things/a')).status).toBe(503);
    expect(await (await get('/things/a')).json()).toEqual({ id: 'a' });
    expect(fake.requestsTo('GET /things/:id')).toHaveLength(4);
  });

  it('answers an undeclared route 404 with the vendor error body', async () => {
    const res = await get('/nope');
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toBe('Vendor fake: no route for GET /nope');
  });
});

describe('deliverWebhook', () => {
  it('signs the exact bytes it sends', async () => {
    const echo = await startUpstreamFake({
      name: 'Receiver',
      routes: [{ route: 'POST /hook', handle: (req) => ({ body: { valid: req.headers['x-signature'] === `v1=${hmacSha256Hex('s3cret', req.rawBody)}` } }) }],
    });
    try {
      expect((await deliverWebhook(`${echo.url}/hook`, { event: { id: 1 } }, (raw) => ({ 'x-signature': `v1=${hmacSha256Hex('s3cret', raw)}` }))).body).toEqual({ valid: true });
      expect((await deliverWebhook(`${echo.url}/hook`, { event: { id: 1 } }, () => ({ 'x-signature': 'v1=00' }))).body).toEqual({ valid: false });
    } finally {
      await echo.close();
    }
  });
});
