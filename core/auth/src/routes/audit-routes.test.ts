import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { Redis } from 'ioredis';
import { createApiRouter, createHttpApp, defineRoute, type ApiRoute } from '@portico/http';
import { PorticoError, type LoggerService } from '@portico/plugin-api';
import { AuditLog } from '../audit/audit-log';
import { auditCapture } from '../audit/audit-capture';
import { ConfigTokenSource, sha256Hex } from '../identity/config-token-source';
import { IdentityResolver } from '../identity/identity-resolver';
import { RoleBook } from '../roles/role-book';
import { RedisStateStore } from '../state/redis-state-store';
import { auditRoutes } from './audit-routes';
import type { AuditRecord } from '../audit/audit-record';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const quiet: LoggerService = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, child: () => quiet };

/** Routes standing in for any write and for a refusal a later step (a rate limit) makes. */
const testRoutes: ApiRoute[] = [
  defineRoute({
    method: 'put',
    path: '/notes/{id}',
    operationId: 'putNote',
    summary: 'A write that names its target',
    access: { permission: 'notes.write' },
    body: { type: 'object' },
    responses: { '200': { description: 'Written' } },
    handler: ({ params, body, audit }) => {
      audit({ target: `note:${params.id}`, before: null, after: body });
      return { body };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/busy',
    operationId: 'getBusy',
    summary: 'Always too many requests',
    access: { signedIn: 'test' },
    responses: { '429': { description: 'Slow down' } },
    handler: () => {
      throw new PorticoError({ status: 429, code: 'too-many-requests', title: 'Too many requests', detail: 'Slow down.' });
    },
  }),
];
const hookRoute = defineRoute({
  method: 'post',
  path: '/hooks/ping',
  operationId: 'postPing',
  summary: 'A public webhook',
  access: { public: 'checks its own signature' },
  responses: { '204': { description: 'Taken' } },
  handler: () => ({ status: 204 }),
});

describe('the audit log over HTTP', () => {
  let redis: Redis;
  let auth: { state: RedisStateStore; audit: AuditLog };
  let app: ReturnType<typeof createHttpApp>;
  const prefix = `test:${randomBytes(6).toString('hex')}:`;
  const bearer = (name: string) => ({ authorization: `Bearer ${name}-secret` });

  beforeAll(async () => {
    redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, retryStrategy: (times) => (times > 3 ? null : 100) });
    const state = new RedisStateStore(redis, prefix);
    auth = { state, audit: new AuditLog({ state, logger: quiet }) };
    const tokens = [
      { name: 'writer', sha256: sha256Hex('writer-secret'), permissions: ['notes.write'] },
      { name: 'nobody', sha256: sha256Hex('nobody-secret') },
      { name: 'auditor', sha256: sha256Hex('auditor-secret'), permissions: ['audit.read'] },
    ];
    const resolver = new IdentityResolver([new ConfigTokenSource(tokens, new RoleBook({ store: state }))], null);
    app = createHttpApp({
      before: [auditCapture(auth.audit)],
      api: [{ prefix: '', router: createApiRouter([...auditRoutes(auth.audit), ...testRoutes]) }],
      publicApi: [{ prefix: '', router: createApiRouter([hookRoute]) }],
      authenticate: (authorization, req) => resolver.authenticate(authorization, req),
    });
  });
  afterAll(async () => {
    await auth.audit.flush();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  /** Records land once each response has gone: wait until the log holds `count`. */
  async function recordsUntil(count: number): Promise<AuditRecord[]> {
    for (let i = 0; i < 100; i++) {
      if ((await auth.state.lastSeq('audit')) >= count) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await auth.audit.flush();
    return (await auth.audit.list({ order: 'oldest', limit: 500 })).items;
  }

  it('records writes, refusals before and after routing, webhooks and events, and serves them to audit.read', async () => {
    await request(app).put('/api/v1/notes/n1').set(bearer('writer')).set('x-request-id', 'req-write').send({ text: 'hello' }).expect(200);
    await request(app).put('/api/v1/notes/n1').set(bearer('nobody')).set('x-request-id', 'req-refused').send({ text: 'mine now' }).expect(403);
    await request(app).delete('/api/v1/notes/n1').set('authorization', 'Bearer wrong').expect(401);
    await request(app).get('/api/v1/busy').set(bearer('writer')).expect(429);
    await request(app).post('/api/v1/hooks/ping').send({}).expect(204);
    // Reads that succeed are not audited.
    await request(app).get('/api/v1/audit/verify').set(bearer('auditor')).expect(200);
    await auth.audit.record({ actor: 'user:alice', via: 'session', action: 'session.signed-in', outcome: 'ok', target: 'user:alice' });
    const records = await recordsUntil(6);
    expect(records.map((r) => [r.action, r.status ?? null, r.outcome, r.actor])).toEqual([
      ['putNote', 200, 'ok', 'token:writer'],
      ['putNote', 403, 'refused', 'token:nobody'],
      ['request.refused', 401, 'refused', 'anonymous'],
      ['getBusy', 429, 'refused', 'token:writer'],
      ['postPing', 204, 'ok', 'anonymous'],
      ['session.signed-in', null, 'ok', 'user:alice'],
    ]);
    expect(records[0]).toMatchObject({ method: 'PUT', path: '/api/v1/notes/n1', requestId: 'req-write', via: 'config-token', target: 'note:n1', beforeDigest: expect.stringMatching(/^sha256:/), afterDigest: expect.stringMatching(/^sha256:/) });
    expect(records[1]).toMatchObject({ requestId: 'req-refused' });
    expect(records[1]).not.toHaveProperty('afterDigest');
    expect(records[2]).toMatchObject({ method: 'DELETE', path: '/api/v1/notes/n1' });

    // Reading the log without audit.read is a refusal, and so is itself recorded.
    await request(app).get('/api/v1/audit').set(bearer('writer')).expect(403);
    await recordsUntil(7);
    const page = await request(app).get('/api/v1/audit?outcome=refused&limit=2').set(bearer('auditor')).expect(200);
    expect(page.body.items.map((r: AuditRecord) => [r.action, r.status])).toEqual([['listAuditRecords', 403], ['getBusy', 429]]);
    const rest = await request(app).get(`/api/v1/audit?outcome=refused&limit=2&cursor=${page.body.nextCursor}`).set(bearer('auditor')).expect(200);
    expect(rest.body.items.map((r: AuditRecord) => [r.action, r.status])).toEqual([['request.refused', 401], ['putNote', 403]]);
    // A full page cannot know whether older records match: the next one tells.
    const end = await request(app).get(`/api/v1/audit?outcome=refused&limit=2&cursor=${rest.body.nextCursor}`).set(bearer('auditor')).expect(200);
    expect(end.body).toEqual({ items: [], nextCursor: null });
    const byActor = await request(app).get('/api/v1/audit?actor=token:writer&order=oldest').set(bearer('auditor')).expect(200);
    expect(byActor.body.items.map((r: AuditRecord) => r.action)).toEqual(['putNote', 'getBusy', 'listAuditRecords']);

    const bad = await request(app).get('/api/v1/audit?cursor=abc').set(bearer('auditor')).expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors).toEqual([expect.objectContaining({ pointer: '/query/cursor' })]);
    await request(app).get('/api/v1/audit?outcome=maybe').set(bearer('auditor')).expect(400);

    const exported = await request(app).get('/api/v1/audit/export?target=note:n1').set(bearer('auditor')).buffer(true).parse((res, done) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => done(null, text));
    }).expect(200);
    expect(exported.headers['content-type']).toContain('application/x-ndjson');
    const lines = (exported.body as string).trim().split('\n').map((line) => JSON.parse(line) as AuditRecord);
    expect(lines.map((r) => r.requestId)).toEqual(['req-write']);

    await request(app).get('/api/v1/audit/verify').set(bearer('auditor')).expect(200, { ok: true, checked: 7, firstSeq: 1, lastSeq: 7 });
    const [second] = await auth.state.range('audit', 1, 1);
    await auth.state.overwrite('audit', 2, second.value.replace('token:nobody', 'token:writer'));
    const broken = await request(app).get('/api/v1/audit/verify').set(bearer('auditor')).expect(200);
    expect(broken.body).toMatchObject({ ok: false, brokenAt: 2 });
  });
});
