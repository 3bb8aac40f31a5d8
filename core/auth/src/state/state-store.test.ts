import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { EmbeddedStateStore } from './embedded-state-store';
import { RedisStateStore } from './redis-state-store';
import type { StateStore } from './state-store';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function conformance(name: string, open: () => Promise<{ store: StateStore; reopen?: () => Promise<StateStore>; dispose: () => Promise<void> }>) {
  describe(`${name} state store`, () => {
    let opened: Awaited<ReturnType<typeof open>>;
    beforeEach(async () => {
      opened = await open();
    });
    afterEach(async () => {
      await opened.store.close();
      await opened.dispose();
    });

    it('sets, gets, expires, lists by prefix and deletes', async () => {
      const { store } = opened;
      await store.set('token:b', '2');
      await store.set('token:a', '1');
      await store.set('session:x', 'gone soon', { ttlMs: 30 });
      await store.set('other', '3');
      expect(await store.get('token:a')).toBe('1');
      expect(await store.keys('token:')).toEqual(['token:a', 'token:b']);
      await new Promise((r) => setTimeout(r, 80));
      expect(await store.get('session:x')).toBeNull();
      await store.delete('token:a');
      expect(await store.keys('token:')).toEqual(['token:b']);
      expect(await store.setIfAbsent('token:b', 'again')).toBe(false);
      expect(await store.setIfAbsent('token:c', '3')).toBe(true);
      expect(await store.get('token:b')).toBe('2');
    });

    it('appends chained entries with sequences that never repeat, across trimming', async () => {
      const { store } = opened;
      expect(await store.lastSeq('audit')).toBe(0);
      const seen: Array<string | null> = [];
      for (let i = 0; i < 5; i++) await store.appendChained('audit', (previous) => (seen.push(previous?.value ?? null), `v${i}<-${previous?.value ?? ''}`));
      expect(seen).toEqual([null, 'v0<-', 'v1<-v0<-', 'v2<-v1<-v0<-', 'v3<-v2<-v1<-v0<-']);
      expect((await store.range('audit', 0, 10)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
      expect((await store.range('audit', 2, 2)).map((e) => e.seq)).toEqual([3, 4]);
      await store.trim('audit', 5);
      expect(await store.range('audit', 0, 10)).toEqual([]);
      expect(await store.lastSeq('audit')).toBe(5);
      const next = await store.appendChained('audit', (previous) => `after:${previous?.seq}:${previous?.value.slice(0, 2)}`);
      expect(next).toEqual({ seq: 6, value: 'after:5:v4' });
      await store.overwrite('audit', 6, 'tampered');
      expect(await store.range('audit', 0, 10)).toEqual([{ seq: 6, value: 'tampered' }]);
    });

    it('serialises concurrent appends: every entry sees the one before it', async () => {
      const { store } = opened;
      await Promise.all(Array.from({ length: 20 }, () => store.appendChained('c', (previous) => String((previous ? Number(previous.value) : 0) + 1))));
      const values = (await store.range('c', 0, 100)).map((e) => e.value);
      expect(values).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
    });

    it('keeps what it was told after a restart', async () => {
      await opened.store.set('kept', 'yes');
      await opened.store.appendChained('log', () => 'first');
      await opened.store.trim('log', 1);
      await opened.store.close();
      opened.store = await opened.reopen!();
      expect(await opened.store.get('kept')).toBe('yes');
      expect((await opened.store.appendChained('log', (p) => `second after ${p?.value}`)).seq).toBe(2);
    });
  });
}

conformance('embedded', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'portico-state-'));
  return { store: new EmbeddedStateStore({ dataDir: dir }), reopen: async () => new EmbeddedStateStore({ dataDir: dir }), dispose: async () => rmSync(dir, { recursive: true, force: true }) };
});

conformance('redis', async () => {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, retryStrategy: (times) => (times > 3 ? null : 100) });
  const prefix = `test:${randomBytes(6).toString('hex')}:`;
  return {
    store: new RedisStateStore(redis, prefix),
    reopen: async () => new RedisStateStore(redis, prefix),
    dispose: async () => {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    },
  };
});
