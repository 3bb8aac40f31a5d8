import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createCatalog } from '../../catalog/create-catalog';
import { PorticoCatalog } from '../../catalog/portico-catalog';
import { testLogger } from '../../testing/example-model';
import { runCatalogStoreConformance } from '../catalog-store.conformance';
import { packStrings } from './pack-strings';
import { RedisCatalogStore } from './redis-catalog-store';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

runCatalogStoreConformance('redis', async () => {
  const keyPrefix = `test:${randomBytes(6).toString('hex')}:`;
  return {
    shared: true,
    open: async () => (await createCatalog({ redisUrl, keyPrefix, logger: testLogger() })) as PorticoCatalog,
    dispose: async () => {
      const store = await RedisCatalogStore.connect({ url: redisUrl, keyPrefix, logger: testLogger() });
      await store.destroyAll();
      await store.close();
    },
  };
});

describe('redis store keys', () => {
  it('keeps every key of a portal under its prefix and one hash tag (one cluster slot)', async () => {
    const keyPrefix = `test:${randomBytes(6).toString('hex')}:`;
    const catalog = (await createCatalog({ redisUrl, keyPrefix, logger: testLogger() })) as PorticoCatalog;
    const store = await RedisCatalogStore.connect({ url: redisUrl, keyPrefix, logger: testLogger() });
    try {
      await catalog.registerKind({ id: 'team', title: 'Team', schema: { type: 'object', properties: { slack: { type: 'string' }, at: { type: 'string', format: 'timer' } } } }, 'test');
      await catalog.upsert({ kind: 'team', id: 'a', title: 'Alpha team', properties: { slack: '#a', at: '2026-01-01T00:00:00Z' }, relations: {} });
      await catalog.query({ kind: 'team', search: 'alpha', facets: ['slack'] });
      const keys: string[] = [];
      let cursor = '0';
      do {
        const [next, found] = (await (store as unknown as { redis: { scan(...a: unknown[]): Promise<[string, string[]]> } }).redis.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 1000));
        cursor = next;
        keys.push(...found);
      } while (cursor !== '0');
      expect(keys.length).toBeGreaterThan(10);
      for (const key of keys) expect(key.startsWith(`${keyPrefix}{catalog}:`)).toBe(true);
      // Temporary keys of query scripts never outlive the script.
      expect(keys.filter((k) => k.includes(':tmp|'))).toEqual([]);
    } finally {
      await catalog.close();
      await store.destroyAll();
      await store.close();
    }
  });
});

describe('redis query pages', () => {
  it('never returns a page mixing two moments when a write lands between the page and its documents', async () => {
    const keyPrefix = `test:${randomBytes(6).toString('hex')}:`;
    const store = await RedisCatalogStore.connect({ url: redisUrl, keyPrefix, logger: testLogger() });
    const catalog = await PorticoCatalog.create(store, testLogger());
    try {
      await catalog.registerKind({ id: 'team', title: 'Team', schema: { type: 'object', properties: { slack: { type: 'string' } } } }, 'test');
      await catalog.upsertMany(['a', 'b', 'c'].map((id) => ({ kind: 'team', id, properties: { slack: '#one' }, relations: {} })), { actor: 'test' });
      // The store reads a page's documents with MGET after the script that picked the page;
      // make a write that takes team b out of the result land exactly in between.
      const redis = (store as unknown as { redis: { mgetBuffer: (...keys: string[]) => Promise<Array<Buffer | null>> } }).redis;
      const mget = redis.mgetBuffer.bind(redis);
      let raced = false;
      redis.mgetBuffer = async (...keys: string[]) => {
        if (!raced) {
          raced = true;
          await catalog.upsert({ kind: 'team', id: 'b', title: 'b', properties: { slack: '#two' }, relations: {} });
        }
        return mget(...keys);
      };
      const result = await catalog.query({ kind: 'team', filter: { combinator: 'and', rules: [{ property: 'slack', operator: '=', value: '#one' }] } });
      expect(raced).toBe(true);
      expect(result.items.map((e) => [e.id, e.properties.slack])).toEqual([['a', '#one'], ['c', '#one']]);
      expect(result.total).toBe(2);
      const json = JSON.parse((await catalog.queryJson({ kind: 'team', filter: { combinator: 'and', rules: [{ property: 'slack', operator: '=', value: '#two' }] } })).toString()) as { items: Array<{ id: string; meta: { version: number } }>; total: number };
      expect(json.items.map((e) => [e.id, e.meta.version])).toEqual([['b', 2]]);
    } finally {
      await catalog.close();
      const cleaner = await RedisCatalogStore.connect({ url: redisUrl, keyPrefix, logger: testLogger() });
      await cleaner.destroyAll();
      await cleaner.close();
    }
  });
});

describe('redis store connection', () => {
  it('fails fast and clearly when Redis cannot be reached', async () => {
    await expect(createCatalog({ redisUrl: 'redis://127.0.0.1:1', logger: testLogger() })).rejects.toThrow(/Cannot use Redis at redis:\/\/127\.0\.0\.1:1 for the catalog: .*ECONNREFUSED/);
  });
});

describe('redis write arguments', () => {
  it('packs strings of every MessagePack length class so that Lua unpacks them unchanged', async () => {
    const redis = new Redis(redisUrl, { retryStrategy: () => null });
    try {
      const items = ['', 'a', 'x'.repeat(31), 'y'.repeat(32), 'z'.repeat(255), 'w'.repeat(256), 'é漢😀'.repeat(100), 'q'.repeat(65535), 'p'.repeat(65536), '😀'.repeat(30000)];
      expect(await redis.eval('return cmsgpack.unpack(ARGV[1])', 0, packStrings(items))).toEqual(items);
    } finally {
      redis.disconnect();
    }
  });
});
