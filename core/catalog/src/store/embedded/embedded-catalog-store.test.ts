import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCatalog } from '../../catalog/create-catalog';
import type { PorticoCatalog } from '../../catalog/portico-catalog';
import { testLogger } from '../../testing/example-model';
import { runCatalogStoreConformance } from '../catalog-store.conformance';

runCatalogStoreConformance('embedded', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'portico-catalog-'));
  return {
    shared: false,
    open: async () => (await createCatalog({ dataDir, logger: testLogger() })) as PorticoCatalog,
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
});

describe('embedded store log', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'portico-log-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const logLines = (): string[] => readFileSync(join(dataDir, 'catalog.log.jsonl'), 'utf8').split('\n').filter(Boolean);

  it('compacts the log when it outgrows the live data, keeping entities and claimed timers', async () => {
    let catalog = (await createCatalog({ dataDir, logger: testLogger() })) as PorticoCatalog;
    await catalog.registerKind({ id: 'job', title: 'Job', schema: { type: 'object', properties: { n: { type: 'integer' }, at: { type: 'string', format: 'timer' } } } }, 'test');
    await catalog.upsert({ kind: 'job', id: 'claimed', title: 'C', properties: { at: '2026-01-01T00:00:00Z' }, relations: {} });
    await catalog.upsert({ kind: 'job', id: 'armed', title: 'A', properties: { at: '2026-01-02T00:00:00Z' }, relations: {} });
    expect(await catalog.claimDueTimers(Date.parse('2026-01-01T12:00:00Z'), 10)).toHaveLength(1);
    for (let round = 0; round < 1100; round++) {
      const results = await catalog.upsertMany(Array.from({ length: 10 }, (_, i) => ({ kind: 'job', id: `j${i}`, title: 'J', properties: { n: round }, relations: {} })), { actor: 't' });
      expect(results.every((r) => r.status !== 'error')).toBe(true);
    }
    expect(logLines().length).toBeLessThan(2000);
    await catalog.close();
    catalog = (await createCatalog({ dataDir, logger: testLogger() })) as PorticoCatalog;
    expect((await catalog.get({ kind: 'job', id: 'j7' }))!.properties.n).toBe(1099);
    expect((await catalog.query({ kind: 'job', filter: { combinator: 'and', rules: [{ property: 'n', operator: '=', value: 1099 }] } })).total).toBe(10);
    expect(await catalog.claimDueTimers(Date.parse('2026-02-01T00:00:00Z'), 10)).toEqual([{ kind: 'job', id: 'armed', property: 'at', dueAt: Date.parse('2026-01-02T00:00:00Z') }]);
    await catalog.close();
  });

  it('skips a torn last line (a write cut before it was acknowledged) and keeps the rest', async () => {
    let catalog = (await createCatalog({ dataDir, logger: testLogger() })) as PorticoCatalog;
    await catalog.registerKind({ id: 'job', title: 'Job', schema: { type: 'object' } }, 'test');
    await catalog.upsert({ kind: 'job', id: 'kept', title: 'K', properties: {}, relations: {} });
    await catalog.close();
    appendFileSync(join(dataDir, 'catalog.log.jsonl'), '{"t":"p","r":"job/torn","e":{"kind":"jo');
    const logger = testLogger();
    catalog = (await createCatalog({ dataDir, logger })) as PorticoCatalog;
    expect(await catalog.get({ kind: 'job', id: 'kept' })).not.toBeNull();
    expect(await catalog.get({ kind: 'job', id: 'torn' })).toBeNull();
    expect(logger.lines.some((l) => l.level === 'warn' && /incomplete/.test(l.message))).toBe(true);
    // Later writes are not glued onto the torn line.
    await catalog.upsert({ kind: 'job', id: 'after', title: 'A', properties: {}, relations: {} });
    await catalog.close();
    catalog = (await createCatalog({ dataDir, logger: testLogger() })) as PorticoCatalog;
    expect(await catalog.get({ kind: 'job', id: 'after' })).not.toBeNull();
    expect(await catalog.get({ kind: 'job', id: 'kept' })).not.toBeNull();
    await catalog.close();
  });
});
