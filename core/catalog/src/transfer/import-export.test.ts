import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCatalog } from '../catalog/create-catalog';
import type { PorticoCatalog } from '../catalog/portico-catalog';
import { RedisCatalogStore } from '../store/redis/redis-catalog-store';
import { exampleEntities, exampleKinds, testLogger } from '../testing/example-model';
import { storeSnapshot, ExportSnapshot } from './catalog-snapshot';
import { exportCatalog } from './export-catalog';
import { EXPORT_FILES } from './export-manifest';
import { importExport } from './import-export';
import { formatVerifyReport, verifyCatalogs } from './verify-catalogs';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('export, import and verify between an embedded and a Redis store', () => {
  let dir: string;
  let keyPrefix: string;
  let source: PorticoCatalog;
  let target: PorticoCatalog;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portico-transfer-'));
    keyPrefix = `test:${randomBytes(6).toString('hex')}:`;
    source = (await createCatalog({ dataDir: join(dir, 'data'), logger: testLogger() })) as PorticoCatalog;
    for (const kind of exampleKinds) await source.registerKind(kind, 'example');
    expect((await source.upsertMany(exampleEntities, { actor: 'user:seed' })).every((r) => r.status === 'created')).toBe(true);
    // A history: an entity at version 3, one deleted and re-created (version 2 after a buried 1).
    await source.patch({ kind: 'component', id: 'cart-service' }, { title: 'Cart v2' }, { actor: 'user:ann' });
    await source.patch({ kind: 'component', id: 'cart-service' }, { properties: { replicas: 4 } }, { actor: 'user:bob' });
    target = (await createCatalog({ redisUrl, keyPrefix, logger: testLogger() })) as PorticoCatalog;
  });

  afterEach(async () => {
    await source?.close();
    await target?.close();
    const store = await RedisCatalogStore.connect({ url: redisUrl, keyPrefix, logger: testLogger() });
    await store.destroyAll();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const exported = (): string => join(dir, 'export');

  it('writes kinds, entities and a manifest of counts and hashes, and imports into an equal catalog that answers queries', async () => {
    const manifest = await exportCatalog(storeSnapshot(source.store, 'embedded'), exported());
    expect(manifest.totals).toEqual({ kinds: exampleKinds.length, entities: exampleEntities.length, relations: expect.any(Number) });
    expect(manifest.kinds.component).toEqual({ source: 'example', definitionHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), entities: exampleEntities.filter((e) => e.kind === 'component').length, relations: expect.any(Number), hash: expect.stringMatching(/^sha256:/) });
    const lines = readFileSync(join(exported(), EXPORT_FILES.entities), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(exampleEntities.length);
    expect(JSON.parse(lines.find((l) => l.includes('"id":"cart-service"'))!)).toMatchObject({ title: 'Cart v2', meta: { version: 3, updatedBy: 'user:bob', createdBy: 'user:seed' } });

    const report = await importExport(target.store, exported(), { target: 'redis' });
    expect(report).toMatchObject({ created: exampleEntities.length, updated: 0, unchanged: 0, kinds: { written: exampleKinds.length } });
    const verified = await verifyCatalogs(new ExportSnapshot(exported()), storeSnapshot(target.store, 'redis'));
    expect(formatVerifyReport(verified)).toEqual([`Equal: redis matches export ${exported()} (${exampleEntities.length} entities compared).`]);
    expect((await verifyCatalogs(storeSnapshot(source.store, 'embedded'), storeSnapshot(target.store, 'redis'))).equal).toBe(true);

    // The imported catalog is a working one: indexes, relations both ways, next versions.
    const reopened = (await createCatalog({ redisUrl, keyPrefix, logger: testLogger() })) as PorticoCatalog;
    try {
      expect((await reopened.query({ kind: 'component', filter: { combinator: 'and', rules: [{ property: 'replicas', operator: '>', value: 3 }] } })).items.map((e) => e.id)).toEqual(['cart-service', 'core-payment']);
      const incoming = async (catalog: PorticoCatalog): Promise<string[]> => (await catalog.relationsOf({ kind: 'component', id: 'core-kafka' })).incoming.map((r) => `${r.relation}:${r.id}`).sort();
      expect(await incoming(reopened)).toEqual(await incoming(source));
      expect(await incoming(reopened)).not.toEqual([]);
      expect((await reopened.patch({ kind: 'component', id: 'cart-service' }, { title: 'Cart v3' }, {})).meta.version).toBe(4);
    } finally {
      await reopened.close();
    }
  });

  it('is idempotent: a second import changes nothing', async () => {
    await exportCatalog(storeSnapshot(source.store, 'embedded'), exported());
    await importExport(target.store, exported(), { target: 'redis' });
    const again = await importExport(target.store, exported(), { target: 'redis' });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: exampleEntities.length, kinds: { written: 0, unchanged: exampleKinds.length } });
  });

  it('finds a record altered after the export, one deleted and one added, with the field paths, and an import puts it right', async () => {
    await exportCatalog(storeSnapshot(source.store, 'embedded'), exported());
    await importExport(target.store, exported(), { target: 'redis' });
    await target.patch({ kind: 'component', id: 'core-kafka' }, { title: 'Tampered', properties: { language: 'rust' } }, { actor: 'user:eve' });
    await target.delete({ kind: 'team', id: 't-cart' }, { cascade: true });
    await target.upsert({ kind: 'team', id: 'zz-new', title: 'New', properties: {}, relations: {} });
    const report = await verifyCatalogs(new ExportSnapshot(exported()), storeSnapshot(target.store, 'redis'));
    expect(report.equal).toBe(false);
    const component = report.differences.find((d) => d.kind === 'component')!;
    expect(component.changed).toContainEqual({ id: 'core-kafka', paths: ['/meta/updatedAt', '/meta/updatedBy', '/meta/version', '/properties/language', '/title'] });
    expect(report.differences.find((d) => d.kind === 'team')).toMatchObject({ missing: ['t-cart'], extra: ['zz-new'] });
    const lines = formatVerifyReport(report);
    expect(lines).toContain('    changed  component/core-kafka: /meta/updatedAt, /meta/updatedBy, /meta/version, /properties/language, /title');
    expect(lines).toContain('    missing  team/t-cart');
    expect(lines).toContain('    extra    team/zz-new');

    const reimport = await importExport(target.store, exported(), { target: 'redis' });
    // The deleted team comes back at the version after the one it was deleted at: versions never repeat.
    expect(reimport).toMatchObject({ updated: 1, created: 1, renumbered: ['team/t-cart'] });
    const after = await verifyCatalogs(new ExportSnapshot(exported()), storeSnapshot(target.store, 'redis'));
    // The import restores what the export has; what only the target has stays, and verify says so.
    expect(after.differences).toEqual([{ kind: 'team', missing: [], extra: ['zz-new'], changed: [{ id: 't-cart', paths: ['/meta/version'] }] }]);
  });

  it('resumes from its checkpoint, and refuses an export that is incomplete or was changed', async () => {
    await exportCatalog(storeSnapshot(source.store, 'embedded'), exported());
    const checkpointPath = join(exported(), EXPORT_FILES.checkpoint);
    // A run that wrote the first batch and stopped leaves a checkpoint after it.
    const seen: number[] = [];
    await expect(importExport(target.store, exported(), { target: 'redis', batchSize: 3, onProgress: (done) => {
      seen.push(done);
      if (done === 3) throw new Error('crash');
    } })).rejects.toThrow('crash');
    expect(JSON.parse(readFileSync(checkpointPath, 'utf8'))).toMatchObject({ done: 3, target: 'redis' });
    const resumed = await importExport(target.store, exported(), { target: 'redis', batchSize: 3 });
    expect(resumed).toMatchObject({ resumed: 3, created: exampleEntities.length - 3, unchanged: 0 });
    expect(existsSync(checkpointPath)).toBe(false);
    expect((await verifyCatalogs(new ExportSnapshot(exported()), storeSnapshot(target.store, 'redis'))).equal).toBe(true);

    const entities = join(exported(), EXPORT_FILES.entities);
    const original = readFileSync(entities, 'utf8');
    writeFileSync(entities, original.replace('"title":"Core Kafka"', '"title":"Core Kafkaa"'));
    await expect(importExport(target.store, exported(), { target: 'redis' })).rejects.toThrow(/does not match its manifest.*component hash is sha256:/);
    writeFileSync(entities, original);
    appendFileSync(entities, '{"kind":"component","id":"cart"');
    await expect(importExport(target.store, exported(), { target: 'redis' })).rejects.toThrow(`The export is damaged: ${EXPORT_FILES.entities} line ${exampleEntities.length + 1} is cut off`);
    rmSync(entities);
    await expect(importExport(target.store, exported(), { target: 'redis' })).rejects.toThrow(`The export in ${exported()} is incomplete: entities.jsonl is missing`);
    rmSync(join(exported(), EXPORT_FILES.manifest));
    await expect(importExport(target.store, exported(), { target: 'redis' })).rejects.toThrow('has no manifest.json');
    await expect(exportCatalog(storeSnapshot(source.store, 'embedded'), exported())).rejects.toThrow('already holds an export (kinds.jsonl)');
  });
});
