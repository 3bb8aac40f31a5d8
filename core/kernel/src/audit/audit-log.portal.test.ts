import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Redis } from 'ioredis';
import { sha256Hex } from '@portico/auth';
import type { AuditRecord } from '@portico/auth';
import { startPortal, type Portal } from '../portal/start-portal';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const keyPrefix = `test:kernel-audit:${randomUUID()}:`;
const good = { path: join(__dirname, '..', '__fixtures__', 'plugins', 'good') };
const tokens = [
  { name: 'admin', sha256: sha256Hex('admin-secret'), permissions: ['*'] },
  { name: 'nobody', sha256: sha256Hex('nobody-secret') },
  { name: 'auditor', sha256: sha256Hex('auditor-secret'), permissions: ['audit.read'] },
];
const as = (name: string) => ({ authorization: `Bearer ${name}-secret` });
const start = (): Promise<Portal> => startPortal({ config: { plugins: [good], auth: { tokens } }, port: 0, redisUrl, keyPrefix, ui: false });

let portal: Portal;
beforeAll(async () => {
  portal = await start();
});
afterAll(async () => {
  await portal?.close();
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, retryStrategy: () => null });
  const keys = await redis.keys(`${keyPrefix}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
}, 30_000);

/** Records are written once each response has gone: ask until the query finds `count`. */
async function audited(query: string, count: number): Promise<AuditRecord[]> {
  let items: AuditRecord[] = [];
  for (let i = 0; i < 100; i++) {
    items = (await request(portal.url).get(`/api/v1/audit?order=oldest&${query}`).set(as('auditor')).expect(200)).body.items;
    if (items.length >= count) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return items;
}

describe('the audit log of a running portal', () => {
  it('records a PATCH and a refused PATCH with actor, request id and digests', async () => {
    await request(portal.url).post('/api/v1/kinds/gizmo/entities').set(as('admin')).send({ id: 'g1', title: 'G1', properties: { size: 1 } }).expect(201);
    await request(portal.url).patch('/api/v1/kinds/gizmo/entities/g1').set(as('admin')).set('x-request-id', 'patch-ok').send({ properties: { size: 2 } }).expect(200);
    await request(portal.url).patch('/api/v1/kinds/gizmo/entities/g1').set(as('nobody')).set('x-request-id', 'patch-refused').send({ properties: { size: 3 } }).expect(403);
    const patches = await audited('action=patchEntity', 2);
    expect(patches).toEqual([
      expect.objectContaining({ actor: 'token:admin', via: 'config-token', method: 'PATCH', path: '/api/v1/kinds/gizmo/entities/g1', status: 200, outcome: 'ok', requestId: 'patch-ok', target: 'gizmo:g1' }),
      expect.objectContaining({ actor: 'token:nobody', status: 403, outcome: 'refused', requestId: 'patch-refused' }),
    ]);
    expect(patches[0].beforeDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(patches[0].afterDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(patches[0].beforeDigest).not.toBe(patches[0].afterDigest);
    expect(await audited('target=gizmo:g1', 2)).toEqual([expect.objectContaining({ action: 'createEntity', beforeDigest: expect.any(String) }), expect.objectContaining({ action: 'patchEntity', requestId: 'patch-ok' })]);
  });

  it('records a run starting and finishing, as the identity that started it', async () => {
    const run = (await request(portal.url).post('/api/v1/actions/good.hello/runs').set(as('admin')).send({ entity: { kind: 'gizmo', id: 'g1' } }).expect(201)).body as { id: string };
    const records = await audited(`target=run:${run.id}`, 2);
    expect(records).toEqual([
      expect.objectContaining({ action: 'run.started', actor: 'token:admin', outcome: 'ok', note: expect.objectContaining({ actionId: 'good.hello', attempt: 1, entity: 'gizmo:g1' }) }),
      expect.objectContaining({ action: 'run.finished', actor: 'token:admin', outcome: 'ok', note: expect.objectContaining({ status: 'succeeded' }), afterDigest: expect.any(String) }),
    ]);
    expect((await audited('action=startRun', 1))[0]).toMatchObject({ actor: 'token:admin', status: 201 });
  });

  it('records a plugin install once, not at every start, and the chain verifies', async () => {
    expect(await audited('action=plugin.installed', 1)).toEqual([expect.objectContaining({ actor: 'kernel', target: 'plugin:good', note: expect.objectContaining({ version: '1.2.3' }) })]);
    await portal.close();
    portal = await start();
    const verification = (await request(portal.url).get('/api/v1/audit/verify').set(as('auditor')).expect(200)).body;
    expect(verification).toMatchObject({ ok: true, firstSeq: 1 });
    expect(verification.checked).toBe(verification.lastSeq);
    expect(await audited('target=plugin:good', 1)).toHaveLength(1);
    // Without audit.read the log is refused, and the refusal is itself on record.
    await request(portal.url).get('/api/v1/audit').set(as('nobody')).expect(403);
    expect(await audited('action=listAuditRecords&outcome=refused', 1)).toEqual([expect.objectContaining({ actor: 'token:nobody', method: 'GET', status: 403 })]);
  });
});
