import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityInput } from '@portico/plugin-api';
import { RedisCatalogStore } from '../store/redis/redis-catalog-store';
import { testLogger } from '../testing/example-model';
import { createCatalog } from './create-catalog';
import type { PorticoCatalog } from './portico-catalog';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Harness {
  open(logger: ReturnType<typeof testLogger>): Promise<PorticoCatalog>;
  dispose(): Promise<void>;
}

const stores: Array<[string, () => Harness]> = [
  [
    'embedded',
    () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'portico-full-sync-'));
      return { open: async (logger) => (await createCatalog({ dataDir, logger })) as PorticoCatalog, dispose: async () => rmSync(dataDir, { recursive: true, force: true }) };
    },
  ],
  [
    'redis',
    () => {
      const keyPrefix = `test:${randomBytes(6).toString('hex')}:`;
      return {
        open: async (logger) => (await createCatalog({ redisUrl, keyPrefix, logger })) as PorticoCatalog,
        dispose: async () => {
          const store = await RedisCatalogStore.connect({ url: redisUrl, keyPrefix, logger: testLogger() });
          await store.destroyAll();
          await store.close();
        },
      };
    },
  ],
];

const repo = (id: string, stars = 1): EntityInput => ({ kind: 'repo', id, title: id, properties: { stars }, relations: {} });
const sync = { source: 'provider:git', actor: 'plugin:git' };

describe.each(stores)('full sync on the %s store', (_name, makeHarness) => {
  let harness: Harness;
  let catalog: PorticoCatalog;
  let logger: ReturnType<typeof testLogger>;
  const ids = async (kind = 'repo'): Promise<string[]> => (await catalog.query({ kind, limit: 100 })).items.map((e) => e.id).sort();

  beforeEach(async () => {
    harness = makeHarness();
    logger = testLogger();
    catalog = await harness.open(logger);
    await catalog.registerKind({ id: 'repo', title: 'Repository', schema: { type: 'object', properties: { stars: { type: 'integer' } } } }, 'test');
    // `run` sorts after `repo`, so deleting in index order meets the required repository first.
    await catalog.registerKind({ id: 'run', title: 'Run', schema: { type: 'object', properties: {} }, relations: { of: { target: 'repo', required: true, title: 'Of' } } }, 'test');
  });
  afterEach(async () => {
    await catalog.close();
    await harness.dispose();
  });

  it('creates, updates and deletes what disappeared, and records the source as owner', async () => {
    const first = await catalog.applyFullSync(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((id) => repo(id)), sync);
    expect(first).toMatchObject({ created: 10, updated: 0, deleted: [], failed: [] });
    const second = await catalog.applyFullSync(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((id) => repo(id, id === 'a' ? 5 : 1)), sync);
    expect(second).toMatchObject({ created: 0, updated: 1, unchanged: 8, deleted: [{ kind: 'repo', id: 'j' }] });
    expect(second.heldBack).toBeUndefined();
    expect(await ids()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
    expect((await catalog.get({ kind: 'repo', id: 'a' }))!.meta.source).toBe('provider:git');
  });

  it('holds back a sync that would delete 50 % of the entities, logs it, and proceeds with the override', async () => {
    await catalog.applyFullSync(['a', 'b', 'c', 'd'].map((id) => repo(id)), sync);
    const held = await catalog.applyFullSync([repo('a'), repo('b'), repo('new')], sync);
    expect(held.created).toBe(1);
    expect(held.deleted).toEqual([]);
    expect(held.heldBack).toEqual({ refs: [{ kind: 'repo', id: 'c' }, { kind: 'repo', id: 'd' }], share: 0.5, maxDeleteShare: 0.1 });
    expect(await ids()).toEqual(['a', 'b', 'c', 'd', 'new']);
    expect(logger.lines).toContainEqual({ level: 'warn', message: expect.stringContaining('Full sync of provider:git held back deleting 2 of its 4 entities (50 %') });

    const forced = await catalog.applyFullSync([repo('a'), repo('b'), repo('new')], { ...sync, allowLargeDelete: true });
    expect(forced.deleted.map((r) => r.id).sort()).toEqual(['c', 'd']);
    expect(forced.heldBack).toBeUndefined();
    expect(await ids()).toEqual(['a', 'b', 'new']);
  });

  it('treats an empty set as the large deletion it is, and honours a configured share', async () => {
    await catalog.applyFullSync(['a', 'b'].map((id) => repo(id)), sync);
    expect((await catalog.applyFullSync([], sync)).heldBack?.share).toBe(1);
    expect(await ids()).toEqual(['a', 'b']);
    expect((await catalog.applyFullSync([repo('a')], { ...sync, maxDeleteShare: 0.5 })).deleted).toEqual([{ kind: 'repo', id: 'b' }]);
    await expect(catalog.applyFullSync([], { ...sync, maxDeleteShare: 2 })).rejects.toThrow('maxDeleteShare must be between 0 and 1, not 2.');
  });

  it('never overwrites or deletes another source\'s entities, nor entities written through the API', async () => {
    await catalog.upsert({ kind: 'repo', id: 'manual', title: 'Manual', properties: {}, relations: {} }, { actor: 'user:ann' });
    await catalog.applyFullSync([repo('a'), repo('b')], { source: 'provider:other', actor: 'plugin:other' });
    const report = await catalog.applyFullSync([repo('b', 9), repo('c')], sync);
    expect(report.failed).toEqual([{ index: 0, ref: { kind: 'repo', id: 'b' }, detail: expect.stringContaining('repo/b belongs to provider:other; provider:git cannot overwrite it') }]);
    expect((await catalog.get({ kind: 'repo', id: 'b' }))!.properties.stars).toBe(1);
    await catalog.applyFullSync([], { ...sync, allowLargeDelete: true });
    expect(await ids()).toEqual(['a', 'b', 'manual']);
    await expect(catalog.applyMutation({ delete: [{ kind: 'repo', id: 'a' }] }, 'plugin:git', { source: 'provider:git' })).rejects.toThrow('belongs to provider:other');
  });

  it('deletes a required entity after the entities that require it, and keeps an entity whose update failed', async () => {
    await catalog.applyFullSync([repo('a'), repo('b'), { kind: 'run', id: 'b1', title: 'b1', relations: { of: 'b' } }], sync);
    const report = await catalog.applyFullSync([{ kind: 'repo', id: 'a', title: 'a', properties: { stars: 'many' } }], { ...sync, allowLargeDelete: true });
    expect(report.deleted.map((r) => `${r.kind}/${r.id}`)).toEqual(['run/b1', 'repo/b']);
    expect(report.failed).toEqual([{ index: 0, ref: { kind: 'repo', id: 'a' }, detail: expect.stringContaining('/properties/stars') }]);
    expect(await ids()).toEqual(['a']);
    expect((await catalog.get({ kind: 'repo', id: 'a' }))!.properties.stars).toBe(1);
    expect(await ids('run')).toEqual([]);
  });
});
