import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Redis } from 'ioredis';
import { startPortal, type Portal } from './start-portal';
import { sha256Hex as hashToken } from '@portico/auth';
import type { PluginEntry } from '../config/portico-config';
import { recordedLifecycle } from '../__fixtures__/plugins/good/index';

const fixtures = join(__dirname, '..', '__fixtures__', 'plugins');
const plugin = (name: string, config?: Record<string, unknown>): PluginEntry => ({ path: join(fixtures, name), ...(config ? { config } : {}) });
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// One root per test file, so cleanup is a single SCAN however many portals it started.
const prefixRoot = `test:kernel:${randomUUID()}:`;
const dirs: string[] = [];

async function start(plugins: PluginEntry[], extra: Partial<Parameters<typeof startPortal>[0]> = {}): Promise<Portal> {
  const keyPrefix = `${prefixRoot}${randomUUID()}:`;
  return startPortal({ config: { plugins, auth: { guest: true, tokens: [{ name: 'ci', sha256: hashToken('s3cret-token') }] } }, port: 0, redisUrl, keyPrefix, ui: false, ...extra });
}

afterAll(async () => {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, retryStrategy: () => null });
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefixRoot}*`, 'COUNT', 10000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  await redis.quit();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('a portal with a plugin using every extension point', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await start([plugin('good', { greeting: 'bonjour' }), plugin('extender')]);
  });
  afterAll(async () => {
    await portal.close();
    expect(recordedLifecycle()).toEqual(['started', 'stopped']);
  });

  it('answers health checks', async () => {
    await request(portal.url).get('/healthz').expect(200, { status: 'ok' });
    const ready = await request(portal.url).get('/readyz').expect(200);
    expect(ready.body).toEqual({ status: 'ready', store: 'ok', redis: { kernel: 'ready', catalog: 'ready', 'catalog-events': 'ready', runs: 'ready', 'runs-cancel': 'ready', queue: 'ready', 'queue-worker': 'ready' }, failedPlugins: [] });
  });

  it('lists the plugin with its kind, action and widget', async () => {
    const res = await request(portal.url).get('/api/v1/plugins').expect(200);
    const good = res.body.items.find((p: { id: string }) => p.id === 'good');
    expect(good).toMatchObject({
      id: 'good',
      packageName: '@fixtures/good',
      version: '1.2.3',
      status: 'running',
      contributions: {
        kinds: ['gizmo'],
        actions: ['good.hello'],
        automations: ['good.greet-new-gizmo'],
        widgets: [expect.objectContaining({ id: 'good.card', slot: 'entity.cards', pluginId: 'good' })],
        routes: ['GET /api/v1/plugins/good/greetings', 'POST /api/v1/plugins/good/greetings/:to', 'POST /api/v1/plugins/good/private', 'GET /api/v1/plugins/good/report', 'POST /api/v1/plugins/good/hook'],
        providers: ['good.sample'],
      },
    });
    expect(res.body.items.map((p: { id: string }) => p.id)).toEqual(['good', 'extender']);
  });

  it('registers the kind in the catalog and the action in the runner', async () => {
    const kind = await request(portal.url).get('/api/v1/kinds/gizmo').expect(200);
    expect(kind.body).toMatchObject({ id: 'gizmo', title: 'Gizmo' });
    const actions = await request(portal.url).get('/api/v1/actions').expect(200);
    expect(JSON.stringify(actions.body)).toContain('good.hello');
  });

  it("runs the plugin's automation on the events its condition accepts", async () => {
    await request(portal.url).post('/api/v1/kinds/gizmo/entities').send({ id: 'small', title: 'Small', properties: { size: 1 } }).expect(201);
    await request(portal.url).post('/api/v1/kinds/gizmo/entities').send({ id: 'big', title: 'Big', properties: { size: 9 } }).expect(201);
    let runs: Array<{ actor: string; entity: { id: string } }> = [];
    for (let i = 0; i < 100 && runs.length === 0; i++) {
      runs = (await request(portal.url).get('/api/v1/runs?actionId=good.hello&entity=gizmo:big').expect(200)).body.items;
      if (runs.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(runs).toEqual([expect.objectContaining({ actor: 'plugin:good', entity: { kind: 'gizmo', id: 'big' } })]);
    const small = await request(portal.url).get('/api/v1/runs?actionId=good.hello&entity=gizmo:small').expect(200);
    expect(small.body.items).toEqual([]);
  });

  it('runs entity providers into the catalog', async () => {
    let found = 0;
    for (let i = 0; i < 50 && found === 0; i++) {
      const res = await request(portal.url).get('/api/v1/kinds/gizmo/entities/from-provider');
      found = res.status === 200 ? 1 : 0;
      if (!found) await new Promise((r) => setTimeout(r, 100));
    }
    expect(found).toBe(1);
  });

  it('serves plugin routes with plugin config and extension points from other plugins', async () => {
    const res = await request(portal.url).get('/api/v1/plugins/good/greetings').expect(200);
    expect(res.body).toEqual({ greeting: 'bonjour', greetings: ['hi from extender'], lifecycleEvents: ['started'] });
  });

  it('gives a guest identity in dev mode, refuses guests on token routes and wrong tokens everywhere', async () => {
    const guest = await request(portal.url).post('/api/v1/plugins/good/private').send({}).expect(401);
    expect(guest.headers['content-type']).toMatch(/problem\+json/);
    expect(guest.body.detail).toMatch(/needs an API token/);
    const me = await request(portal.url).get('/api/v1/me').expect(200);
    expect(me.body).toEqual({ id: 'guest', kind: 'guest', displayName: 'Guest (dev mode, no sign-in)', teams: [], isGuest: true, permissions: ['*'] });
    const asToken = await request(portal.url).get('/api/v1/me').set('authorization', 'Bearer s3cret-token').expect(200);
    expect(asToken.body).toMatchObject({ id: 'token:ci', isGuest: false });
    const ok = await request(portal.url).post('/api/v1/plugins/good/private').set('authorization', 'Bearer s3cret-token').send({}).expect(201);
    expect(ok.body).toEqual({ by: 'token:ci' });
    await request(portal.url).get('/api/v1/plugins').set('authorization', 'Bearer wrong').expect(401);
    const hook = await request(portal.url).post('/api/v1/plugins/good/hook').set('authorization', 'Bearer wrong').send({ a: 1 }).expect(200);
    expect(hook.body).toEqual({ bytes: 7 });
  });

  it('describes every route in the OpenAPI document', async () => {
    const res = await request(portal.url).get('/api/v1/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/plugins', '/openapi.json', '/kinds', '/kinds/{kind}', '/plugins/good/greetings', '/plugins/good/private']));
  });

  it('checks a plugin route\'s declared body and query before its handler runs', async () => {
    const ok = await request(portal.url).post('/api/v1/plugins/good/greetings/paris?times=2').send({ name: 'Ada' }).expect(201);
    expect(ok.body).toEqual({ greetings: ['bonjour Ada from paris', 'bonjour Ada from paris'] });
    const badBody = await request(portal.url).post('/api/v1/plugins/good/greetings/paris').send({ name: '', shout: true }).expect(400);
    expect(badBody.headers['content-type']).toMatch(/problem\+json/);
    expect(badBody.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/name' }), expect.objectContaining({ pointer: '/shout' })]));
    const missing = await request(portal.url).post('/api/v1/plugins/good/greetings/paris').expect(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ pointer: '/name' })]);
    const badQuery = await request(portal.url).post('/api/v1/plugins/good/greetings/paris?times=9').send({ name: 'Ada' }).expect(400);
    expect(badQuery.body.errors).toEqual([expect.objectContaining({ pointer: '/query/times' })]);
  });

  it('shows a plugin route with the schemas it declares in the OpenAPI document', async () => {
    const res = await request(portal.url).get('/api/v1/openapi.json').expect(200);
    const operation = res.body.paths['/plugins/good/greetings/{to}'].post;
    expect(operation).toMatchObject({
      operationId: 'good.post_greetings_to',
      summary: 'Greet someone, a few times',
      tags: ['plugin:good'],
      parameters: [
        { name: 'to', in: 'path', required: true },
        { name: 'times', in: 'query', required: false, description: 'How many greetings', schema: { type: 'integer', minimum: 1, maximum: 3 } },
      ],
      requestBody: { content: { 'application/json': { schema: { required: ['name'], properties: { name: { type: 'string', minLength: 1 } } } } } },
      responses: {
        '201': { description: 'The greetings', content: { 'application/json': { schema: { required: ['greetings'] } } } },
        '400': expect.any(Object),
      },
    });
    // A route that declares no answers says so instead of pretending to a schema.
    expect(res.body.paths['/plugins/good/report'].get.responses['200']).toEqual({ description: 'Succeeded; the plugin describes no response schema for this route' });
  });
});

describe('plugins the kernel rejects', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await start([
      plugin('good'),
      { package: '@acme/portico-plugin-missing' },
      plugin('old-api'),
      plugin('same-id'),
      plugin('dup-kind'),
      plugin('mismatch'),
      plugin('throws'),
      plugin('bad-route-schema'),
    ]);
  });
  afterAll(() => portal.close());

  const errorOf = (id: string): string | undefined => portal.plugins.find((p) => (p.id === id || p.packageName === id) && p.status === 'failed')?.error;

  it('starts without them and says why, naming plugin, version and fix', async () => {
    expect(errorOf('@acme/portico-plugin-missing')).toMatch(/^Plugin package "@acme\/portico-plugin-missing" is not installed: run "npm install @acme\/portico-plugin-missing" in .+, or remove it from portico.config.yaml\.$/);
    expect(errorOf('old-api')).toMatch(/^Plugin "old-api" \(@fixtures\/old-api@1\.2\.3\) needs @portico\/plugin-api \^9\.0\.0, but this kernel provides 0\.1\.0: install a version of the plugin built for 0\.1\.0, or upgrade @portico\/kernel\.$/);
    expect(errorOf('@fixtures/same-id')).toBe('Plugin id "good" is used by both @fixtures/good@1.2.3 and @fixtures/same-id@1.2.3: remove one of them from portico.config.yaml.');
    expect(errorOf('dup-kind')).toMatch(/^Plugin "dup-kind" \(@fixtures\/dup-kind@1\.2\.3\) registers kind "gizmo", which plugin "good" already registered/);
    expect(errorOf('mismatch')).toBe(
      'Plugin "mismatch" (@fixtures/mismatch@1.2.3) does not match its manifest: it registers kinds ["registered-only"] not declared in package.json "portico.kinds"; and it declares kinds ["declared-only"] in package.json "portico.kinds" but does not register them. Update the manifest or the plugin so they agree.',
    );
    expect(errorOf('bad-route-schema')).toMatch(/^Plugin "bad-route-schema" \(@fixtures\/bad-route-schema@1\.2\.3\) registers POST \/things with an invalid body schema: \/ schema is invalid: data\/properties\/size\/type must be/);
    expect(errorOf('throws')).toBe(
      'Plugin "throws" (@fixtures/throws@1.2.3) failed to start: cannot reach the upstream API. The portal runs without it: fix the error or remove the plugin from portico.config.yaml (start with --strict to make this fatal).',
    );
  });

  it('reports failures on /api/v1/plugins and /readyz', async () => {
    const list = await request(portal.url).get('/api/v1/plugins').expect(200);
    const throws = list.body.items.find((p: { id: string }) => p.id === 'throws');
    expect(throws).toMatchObject({ status: 'failed', error: expect.stringContaining('cannot reach the upstream API'), contributions: { kinds: [], actions: [], widgets: [] } });
    const ready = await request(portal.url).get('/readyz').expect(200);
    expect(ready.body.status).toBe('degraded');
    expect(ready.body.failedPlugins.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(['throws', 'mismatch', 'dup-kind', 'old-api']));
    await request(portal.url).get('/api/v1/kinds/registered-only').expect(404);
  });
});

describe('strict mode and the embedded store', () => {
  it('makes a plugin failure fatal with --strict', async () => {
    await expect(start([plugin('throws')], { strict: true })).rejects.toThrow('Plugin "throws" (@fixtures/throws@1.2.3) failed to start: cannot reach the upstream API.');
  });

  it('runs on the embedded store when no Redis is configured', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'portico-kernel-'));
    dirs.push(dataDir);
    const portal = await startPortal({ config: { plugins: [plugin('good')], auth: { guest: true } }, port: 0, redisUrl: null, dataDir, ui: false });
    try {
      await request(portal.url).get('/api/v1/kinds/gizmo').expect(200);
      await request(portal.url).post('/api/v1/kinds/gizmo/entities').send({ id: 'kept', title: 'Kept', properties: { size: 1 } }).expect(201);
    } finally {
      await portal.close();
    }
    const again = await startPortal({ config: { plugins: [plugin('good')], auth: { guest: true } }, port: 0, redisUrl: null, dataDir, ui: false });
    try {
      const res = await request(again.url).get('/api/v1/kinds/gizmo/entities/kept').expect(200);
      expect(res.body).toMatchObject({ id: 'kept', title: 'Kept' });
    } finally {
      await again.close();
    }
  });
});
