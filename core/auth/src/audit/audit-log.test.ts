import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { LoggerService } from '@portico/plugin-api';
import { EmbeddedStateStore } from '../state/embedded-state-store';
import { RedisStateStore } from '../state/redis-state-store';
import type { StateStore } from '../state/state-store';
import { AuditLog } from './audit-log';
import type { AuditRecord } from './audit-record';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A logger that keeps what it was told, so a test can see the loud error of a lost record. */
function keptLogger(lines: Array<{ level: string; message: string; fields?: Record<string, unknown> }>): LoggerService {
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push({ level, message, fields });
  const logger: LoggerService = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => logger };
  return logger;
}

function suite(name: string, open: () => Promise<{ state: StateStore; dispose: () => Promise<void> }>) {
  describe(`the audit log on the ${name} store`, () => {
    let opened: Awaited<ReturnType<typeof open>>;
    let clock: Date;
    let audit: AuditLog;
    beforeEach(async () => {
      opened = await open();
      clock = new Date('2026-01-01T00:00:00.000Z');
      audit = new AuditLog({ state: opened.state, logger: keptLogger([]), retentionDays: 30, now: () => clock });
    });
    afterEach(async () => {
      await audit.flush();
      await opened.state.close();
      await opened.dispose();
    });

    const tick = (ms = 1000): void => void (clock = new Date(clock.getTime() + ms));

    async function seed(): Promise<AuditRecord[]> {
      const records: AuditRecord[] = [];
      records.push(await audit.append({ actor: 'token:admin', via: 'config-token', action: 'patchEntity', method: 'PATCH', path: '/api/v1/kinds/component/entities/cart', status: 200, outcome: 'ok', requestId: 'req-1', target: 'component:cart', before: { title: 'Cart' }, after: { title: 'Cart service', secret: 'hunter2' } }));
      tick();
      records.push(await audit.append({ actor: 'token:nobody', via: 'config-token', action: 'patchEntity', method: 'PATCH', path: '/api/v1/kinds/component/entities/cart', status: 403, outcome: 'refused', requestId: 'req-2' }));
      tick();
      records.push(await audit.append({ actor: 'user:alice', via: 'session', action: 'session.signed-in', outcome: 'ok', target: 'user:alice', note: { issuer: 'https://id.example' } }));
      tick();
      records.push(await audit.append({ actor: 'user:alice', via: 'internal', action: 'run.started', outcome: 'ok', target: 'run:r_1', note: { actionId: 'deploy' } }));
      tick();
      records.push(await audit.append({ actor: 'user:alice', via: 'internal', action: 'run.finished', outcome: 'failed', target: 'run:r_1', after: { status: 'failed' } }));
      return records;
    }

    it('chains each record to the one before and keeps digests, never the values', async () => {
      const [write, refused, signIn] = await seed();
      expect(write).toMatchObject({ seq: 1, at: '2026-01-01T00:00:00.000Z', actor: 'token:admin', action: 'patchEntity', status: 200, outcome: 'ok', requestId: 'req-1', target: 'component:cart', prevHash: '0'.repeat(64) });
      expect(write.beforeDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(write.afterDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(write.beforeDigest).not.toBe(write.afterDigest);
      expect(JSON.stringify(write)).not.toContain('hunter2');
      expect(refused).toMatchObject({ seq: 2, outcome: 'refused', status: 403, prevHash: write.hash });
      expect(refused).not.toHaveProperty('beforeDigest');
      expect(signIn).toMatchObject({ seq: 3, action: 'session.signed-in', prevHash: refused.hash });
      // The same state gives the same digest whatever the order of its keys.
      const again = await audit.append({ actor: 'x', action: 'y', outcome: 'ok', after: { secret: 'hunter2', title: 'Cart service' } });
      expect(again.afterDigest).toBe(write.afterDigest);
    });

    it('filters, and pages newest first and oldest first with cursors', async () => {
      await seed();
      const newest = await audit.list({ limit: 2 });
      expect(newest.items.map((r) => r.seq)).toEqual([5, 4]);
      const next = await audit.list({ limit: 2, cursor: newest.nextCursor! });
      expect(next.items.map((r) => r.seq)).toEqual([3, 2]);
      const last = await audit.list({ limit: 2, cursor: next.nextCursor! });
      expect(last).toEqual({ items: [expect.objectContaining({ seq: 1 })], nextCursor: null });

      const oldest = await audit.list({ order: 'oldest', limit: 3 });
      expect(oldest.items.map((r) => r.seq)).toEqual([1, 2, 3]);
      expect((await audit.list({ order: 'oldest', limit: 3, cursor: oldest.nextCursor! })).items.map((r) => r.seq)).toEqual([4, 5]);

      expect((await audit.list({ actor: 'user:alice' })).items.map((r) => r.seq)).toEqual([5, 4, 3]);
      expect((await audit.list({ action: 'patchEntity', outcome: 'refused' })).items.map((r) => r.actor)).toEqual(['token:nobody']);
      expect((await audit.list({ target: 'run:r_1', order: 'oldest' })).items.map((r) => r.action)).toEqual(['run.started', 'run.finished']);
      expect((await audit.list({ from: '2026-01-01T00:00:01Z', to: '2026-01-01T00:00:03Z' })).items.map((r) => r.seq)).toEqual([4, 3, 2]);
      expect((await audit.list({ from: '2026-01-01T00:00:01Z', to: '2026-01-01T00:00:03Z', order: 'oldest' })).items.map((r) => r.seq)).toEqual([2, 3, 4]);
      const exported: number[] = [];
      for await (const record of audit.all({ actor: 'user:alice' })) exported.push(record.seq);
      expect(exported).toEqual([3, 4, 5]);
    });

    it('refuses a cursor or time it did not give, saying where', async () => {
      await expect(audit.list({ cursor: 'abc' })).rejects.toMatchObject({ status: 400, errors: [{ pointer: '/query/cursor' }] });
      await expect(audit.list({ cursor: '0' })).rejects.toMatchObject({ status: 400 });
      await expect(audit.list({ from: 'yesterday' })).rejects.toMatchObject({ status: 400, errors: [{ pointer: '/query/from' }] });
    });

    it('verifies the chain and names the first record that was edited, dropped or re-hashed', async () => {
      await seed();
      expect(await audit.verify()).toEqual({ ok: true, checked: 5, firstSeq: 1, lastSeq: 5 });

      const [third] = await opened.state.range('audit', 2, 1);
      const edited = { ...(JSON.parse(third.value) as AuditRecord), actor: 'user:mallory' };
      await opened.state.overwrite('audit', 3, JSON.stringify(edited));
      expect(await audit.verify()).toMatchObject({ ok: false, checked: 2, brokenAt: 3, reason: expect.stringContaining('changed') });

      // Re-hashing the edited record hides it from its own check, not from the next record's.
      const { hashOf } = await import('./audit-record');
      await opened.state.overwrite('audit', 3, JSON.stringify({ ...edited, hash: hashOf(edited) }));
      expect(await audit.verify()).toMatchObject({ ok: false, checked: 3, brokenAt: 4, reason: expect.stringContaining('does not follow record 3') });

      await opened.state.overwrite('audit', 3, third.value);
      expect((await audit.verify()).ok).toBe(true);
      await opened.state.overwrite('audit', 5, 'not json');
      expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: 5 });
    });

    it('drops records past retention and the rest of the chain still verifies', async () => {
      await seed();
      clock = new Date('2026-01-31T00:00:02.500Z');
      expect(await audit.trimExpired()).toBe(3);
      expect((await audit.list({ order: 'oldest' })).items.map((r) => r.seq)).toEqual([4, 5]);
      expect(await audit.verify()).toEqual({ ok: true, checked: 2, firstSeq: 4, lastSeq: 5 });
      const after = await audit.append({ actor: 'user:bob', action: 'session.signed-out', outcome: 'ok' });
      expect(after.seq).toBe(6);
      expect(await audit.verify()).toEqual({ ok: true, checked: 3, firstSeq: 4, lastSeq: 6 });
      // Appending trims on its own (at most hourly): a year on, only the newest record stays.
      clock = new Date('2027-06-01T00:00:00Z');
      await audit.append({ actor: 'user:bob', action: 'session.signed-in', outcome: 'ok' });
      for (let i = 0; i < 50 && (await audit.list({ order: 'oldest' })).items.length > 1; i++) await new Promise((r) => setTimeout(r, 20));
      expect((await audit.list({ order: 'oldest' })).items.map((r) => r.seq)).toEqual([7]);
      expect(await audit.verify()).toEqual({ ok: true, checked: 1, firstSeq: 7, lastSeq: 7 });
    });

    it('keeps concurrent appends in one unbroken chain', async () => {
      await Promise.all(Array.from({ length: 25 }, (_, i) => audit.append({ actor: `token:t${i}`, action: 'createEntity', outcome: 'ok' })));
      const verification = await audit.verify();
      expect(verification).toEqual({ ok: true, checked: 25, firstSeq: 1, lastSeq: 25 });
    });
  });
}

suite('embedded', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'portico-audit-'));
  return { state: new EmbeddedStateStore({ dataDir: dir }), dispose: async () => rmSync(dir, { recursive: true, force: true }) };
});

suite('redis', async () => {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, retryStrategy: (times) => (times > 3 ? null : 100) });
  const prefix = `test:${randomBytes(6).toString('hex')}:`;
  return {
    state: new RedisStateStore(redis, prefix),
    dispose: async () => {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    },
  };
});

describe('an audit write that fails', () => {
  it('does not throw to the caller and is logged as an error', async () => {
    // A real Redis client that cannot reach any server: every command fails.
    const redis = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
    redis.on('error', () => undefined);
    const lines: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
    const audit = new AuditLog({ state: new RedisStateStore(redis, 'test:unreachable:'), logger: keptLogger(lines) });
    await expect(audit.record({ actor: 'token:admin', action: 'deleteEntity', outcome: 'ok', requestId: 'req-9', target: 'component:cart' })).resolves.toBeUndefined();
    expect(lines).toContainEqual({ level: 'error', message: expect.stringContaining('AUDIT RECORD LOST'), fields: expect.objectContaining({ action: 'deleteEntity', requestId: 'req-9', target: 'component:cart' }) });
    redis.disconnect();
  });
});
