import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KindDefinition } from '@portico/plugin-api';
import { createCatalog } from '../catalog/create-catalog';
import type { PorticoCatalog } from '../catalog/portico-catalog';
import { RedisCatalogStore } from '../store/redis/redis-catalog-store';
import { testLogger } from '../testing/example-model';
import { applyCatalogCode } from './apply-catalog-code';
import type { CatalogCodeFile, CatalogPlan } from './catalog-code-plan';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const service: KindDefinition = {
  id: 'service',
  title: 'Service',
  schema: { type: 'object', properties: { replicas: { type: 'integer' }, language: { type: 'string' } } },
  relations: { dependsOn: { target: 'service', many: true } },
};
const entity = (id: string, properties: Record<string, unknown> = {}, relations: Record<string, unknown> = {}) => ({ kind: 'service', id, title: id, properties, relations });
const summary = (plan: CatalogPlan) => [...plan.kinds.map((k) => `kind ${k.id} ${k.action}${k.detail ? `: ${k.detail}` : ''}`), ...plan.entities.map((e) => `${e.kind}/${e.id} ${e.action}${e.detail ? `: ${e.detail}` : ''}`)];

describe.each(['embedded', 'redis'])('applyCatalogCode on the %s store', (store) => {
  let catalog: PorticoCatalog;
  let dispose: () => Promise<void>;
  const apply = (files: CatalogCodeFile[], options: { dryRun?: boolean; complete?: boolean; allowLargeDelete?: boolean } = {}) =>
    applyCatalogCode(catalog, { root: 'catalog', files, complete: options.complete ?? true, allowLargeDelete: options.allowLargeDelete }, { actor: 'user:ana', dryRun: options.dryRun ?? false });

  beforeEach(async () => {
    if (store === 'embedded') {
      const dataDir = mkdtempSync(join(tmpdir(), 'portico-code-'));
      catalog = (await createCatalog({ dataDir, logger: testLogger() })) as PorticoCatalog;
      dispose = async () => rmSync(dataDir, { recursive: true, force: true });
    } else {
      const keyPrefix = `test:${randomBytes(6).toString('hex')}:`;
      catalog = (await createCatalog({ redisUrl, keyPrefix, logger: testLogger() })) as PorticoCatalog;
      dispose = async () => {
        const s = await RedisCatalogStore.connect({ url: redisUrl, keyPrefix, logger: testLogger() });
        await s.destroyAll();
        await s.close();
      };
    }
  });
  // Clearing a key prefix scans the whole Redis, which is slow when it holds much else.
  afterEach(async () => {
    await catalog.close();
    await dispose();
  }, 60_000);

  it('plans without changing anything, then applies the same plan, owned by each file', async () => {
    const files = [
      { path: 'kinds.yaml', kinds: [service] },
      { path: 'services/cart.yaml', entities: [entity('cart', { replicas: 2 }, { dependsOn: 'payments' })] },
      { path: 'services/payments.yaml', entities: [entity('payments', { replicas: 1 })] },
    ];
    const dry = await apply(files, { dryRun: true });
    expect(summary(dry)).toEqual(['kind service create', 'service/cart create', 'service/payments create']);
    expect(dry.applied).toBe(false);
    expect(await catalog.getKind('service')).toBeNull();

    const done = await apply(files);
    expect(summary(done)).toEqual(summary(dry));
    expect(done.applied).toBe(true);
    expect(await catalog.get({ kind: 'service', id: 'cart' })).toMatchObject({ relations: { dependsOn: ['payments'] }, meta: { source: 'code:catalog/services/cart.yaml', updatedBy: 'user:ana' } });
    expect(summary(await apply(files, { dryRun: true }))).toEqual(['kind service unchanged', 'service/cart unchanged', 'service/payments unchanged']);
  });

  it('lists field changes, deletes what a file dropped and what a removed file owned, and lets an entity move between files', async () => {
    await apply([{ path: 'kinds.yaml', kinds: [service] }, { path: 'a.yaml', entities: [entity('a1', { replicas: 1 }), entity('a2'), ...['a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9', 'a10'].map((id) => entity(id))] }, { path: 'b.yaml', entities: [entity('b1')] }]);
    const plan = await apply([{ path: 'kinds.yaml', kinds: [service] }, { path: 'a.yaml', entities: [entity('a1', { replicas: 3, language: 'go' }), ...['a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9', 'a10'].map((id) => entity(id))] }, { path: 'c.yaml', entities: [entity('b1')] }], { dryRun: true });
    expect(plan.entities.find((e) => e.id === 'a1')!.changes).toEqual([{ field: 'properties.replicas', before: 1, after: 3 }, { field: 'properties.language', after: 'go' }]);
    expect(plan.entities.find((e) => e.id === 'b1')).toMatchObject({ file: 'c.yaml', action: 'update', changes: [{ field: 'meta.source', before: 'code:catalog/b.yaml', after: 'code:catalog/c.yaml' }] });
    expect(plan.entities.find((e) => e.id === 'a2')).toEqual({ kind: 'service', id: 'a2', file: 'a.yaml', action: 'delete' });
    expect(plan.counts).toMatchObject({ update: 2, delete: 1, unchanged: 8 + 1 }); // a3…a10 and the kind
    const done = await apply([{ path: 'kinds.yaml', kinds: [service] }, { path: 'a.yaml', entities: [entity('a1', { replicas: 3, language: 'go' }), ...['a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9', 'a10'].map((id) => entity(id))] }, { path: 'c.yaml', entities: [entity('b1')] }]);
    expect(summary(done)).toEqual(summary(plan));
    expect(await catalog.get({ kind: 'service', id: 'a2' })).toBeNull();
    expect((await catalog.get({ kind: 'service', id: 'b1' }))!.meta.source).toBe('code:catalog/c.yaml');
  });

  it('applying some files of the folder leaves the other files\' entities alone', async () => {
    await apply([{ path: 'kinds.yaml', kinds: [service] }, { path: 'a.yaml', entities: [entity('a1')] }, { path: 'b.yaml', entities: [entity('b1')] }]);
    const plan = await apply([{ path: 'a.yaml', entities: [entity('a1'), entity('a2')] }], { complete: false });
    expect(summary(plan)).toEqual(['service/a1 unchanged', 'service/a2 create']);
    expect(await catalog.get({ kind: 'service', id: 'b1' })).not.toBeNull();
  });

  it('holds back deleting a large share unless overridden', async () => {
    await apply([{ path: 'kinds.yaml', kinds: [service] }, { path: 'a.yaml', entities: [entity('a1'), entity('a2')] }]);
    const held = await apply([{ path: 'kinds.yaml', kinds: [service] }, { path: 'a.yaml', entities: [entity('a1')] }]);
    expect(held.heldBack).toEqual({ count: 1, owned: 2, share: 0.5, maxDeleteShare: 0.1 });
    expect(held.entities.find((e) => e.id === 'a2')).toMatchObject({ action: 'refused', detail: expect.stringContaining('deletion held back: 1 of the 2 entities these files own would go') });
    expect(await catalog.get({ kind: 'service', id: 'a2' })).not.toBeNull();
    await apply([{ path: 'kinds.yaml', kinds: [service] }, { path: 'a.yaml', entities: [entity('a1')] }], { allowLargeDelete: true });
    expect(await catalog.get({ kind: 'service', id: 'a2' })).toBeNull();
  });

  it('refuses, in the plan already, invalid entities, unknown relation targets and another source\'s entities', async () => {
    await catalog.registerKind(service, 'some-plugin');
    await catalog.upsertMany([entity('owned')], { actor: 'plugin:x', source: 'provider:x' });
    const files = [{ path: 'a.yaml', entities: [entity('bad', { replicas: 'two' }), entity('lonely', {}, { dependsOn: ['ghost'] }), entity('owned'), entity('ok')] }, { path: 'b.yaml', kinds: [{ ...service, title: 'Changed' }], entities: [entity('ok')] }];
    const lines = summary(await apply(files, { dryRun: true }));
    expect(lines).toEqual([
      'kind service refused: kind "service" is defined by plugin "some-plugin"; it cannot be defined in a catalog file too',
      'service/bad refused: The entity is invalid: /properties/replicas must be integer.',
      'service/lonely refused: The entity is invalid: /relations/dependsOn/0 names service "ghost", which does not exist.',
      'service/owned refused: service/owned belongs to provider:x; remove it there first, or delete it so that this file can take it',
      'service/ok create',
      'service/ok refused: service/ok is also defined in a.yaml',
    ]);
    expect(summary(await apply(files))).toEqual(lines);
  });

  it('rejects paths that leave the folder', async () => {
    await expect(apply([{ path: '../etc/x.yaml' }])).rejects.toThrow('The catalog files are invalid: /files/0/path must be a relative path inside the folder');
  });
});
