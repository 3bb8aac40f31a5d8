/**
 * The one conformance suite both stores pass: run by redis-catalog-store.test.ts and
 * embedded-catalog-store.test.ts against real Redis and a real log file.
 */
import type { Entity, EntityEvent, EntityQuery, QueryResult } from '@portico/plugin-api';
import { PorticoCatalog } from '../catalog/portico-catalog';
import { diffEntries } from '../index/index-entry';
import type { EntityWrite } from './catalog-store';
import { exampleEntities, exampleKinds } from '../testing/example-model';

export interface StoreHarness {
  /** Opens a catalog on the store under test; each call is another instance on the same data (a restart, or a second process). */
  open(): Promise<PorticoCatalog>;
  /** Deletes the data. */
  dispose(): Promise<void>;
  /** Whether instances opened together share writes and events (Redis: yes; embedded: one process owns a directory). */
  shared: boolean;
}

async function waitFor(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function ids(result: QueryResult<Entity>): string[] {
  return result.items.map((e) => e.id);
}

async function seed(catalog: PorticoCatalog): Promise<void> {
  for (const kind of exampleKinds) await catalog.registerKind(kind, 'example');
  const results = await catalog.upsertMany(exampleEntities, { actor: 'user:seed' });
  const failed = results.filter((r) => r.status === 'error');
  if (failed.length) throw new Error(JSON.stringify(failed));
}

export function runCatalogStoreConformance(name: string, makeHarness: () => Promise<StoreHarness>): void {
  describe(`CatalogStore conformance: ${name}`, () => {
    let harness: StoreHarness;
    let catalog: PorticoCatalog;
    const opened: PorticoCatalog[] = [];
    const open = async (): Promise<PorticoCatalog> => {
      const c = await harness.open();
      opened.push(c);
      return c;
    };
    const q = (query: EntityQuery): Promise<QueryResult<Entity>> => catalog.query(query);
    const comp = (rules: EntityQuery['filter'] extends infer F ? (F extends { rules: infer R } ? R : never) : never, extra: Partial<EntityQuery> = {}): Promise<QueryResult<Entity>> =>
      q({ kind: 'component', filter: { combinator: 'and', rules }, limit: 100, ...extra });

    beforeEach(async () => {
      harness = await makeHarness();
      catalog = await open();
      await seed(catalog);
    });

    afterEach(async () => {
      for (const c of opened.splice(0)) await c.close();
      await harness.dispose();
    });

    describe('kinds', () => {
      it('refuses a kind id another source already defines, naming both sources', async () => {
        await expect(catalog.registerKind({ id: 'team', title: 'Team', schema: { type: 'object' } }, 'plugin-b')).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/plugin "example".*plugin "plugin-b"/) });
      });

      it('refuses invalid kind definitions with a pointer per problem', async () => {
        await expect(
          catalog.registerKind({ id: 'Bad Id', title: '', schema: { type: 'string' }, relations: { owner: { target: 'NOPE' } }, calculation: { x: { expression: 'properties.a +' } } } as never, 'p'),
        ).rejects.toMatchObject({
          status: 400,
          errors: expect.arrayContaining([
            expect.objectContaining({ pointer: '/id' }),
            expect.objectContaining({ pointer: '/title' }),
            expect.objectContaining({ pointer: '/schema/type' }),
            expect.objectContaining({ pointer: '/relations/owner/target' }),
            expect.objectContaining({ pointer: '/calculation/x/expression' }),
          ]),
        });
      });

      it('reports what a kind change would break, refuses it without force, and re-indexes when applied', async () => {
        await catalog.createKind({ id: 'service', title: 'Service', schema: { type: 'object', properties: { tier: { type: 'string' } } } });
        await catalog.upsert({ kind: 'service', id: 's1', title: 'S1', properties: { tier: 'gold' }, relations: {} });
        await catalog.upsert({ kind: 'service', id: 's2', title: 'S2', properties: { tier: '2' }, relations: {} });
        const changed = { id: 'service', title: 'Service', schema: { type: 'object', required: ['tier'], properties: { tier: { type: 'string', enum: ['gold', 'silver'] } } } };
        const report = await catalog.updateKind('service', changed, { dryRun: true });
        expect(report).toMatchObject({ entities: 2, breakingCount: 1, applied: false, breaking: [{ id: 's2', errors: [{ pointer: '/properties/tier' }] }] });
        await expect(catalog.updateKind('service', changed)).rejects.toMatchObject({ status: 409, extensions: { breakingCount: 1 } });
        expect((await catalog.getKind('service'))!.schema.required).toBeUndefined();
        const numeric = { id: 'service', title: 'Service', schema: { type: 'object', properties: { tier: { type: 'string' }, size: { type: 'number' } } } };
        await catalog.updateKind('service', numeric);
        await catalog.patch({ kind: 'service', id: 's1' }, { properties: { size: 3 } });
        expect(ids(await q({ kind: 'service', filter: { combinator: 'and', rules: [{ property: 'size', operator: '>=', value: 2 }] } }))).toEqual(['s1']);
        const applied = await catalog.updateKind('service', changed, { force: true });
        expect(applied.applied).toBe(true);
      });
    });

    describe('entities', () => {
      it('round-trips an entity with meta, defaults and versions; an identical write changes nothing', async () => {
        const kafka = await catalog.get({ kind: 'component', id: 'core-kafka' });
        expect(kafka).toMatchObject({ kind: 'component', id: 'core-kafka', owner: 't-cart', properties: { replicas: 1 }, relations: { system: 'cart' }, meta: { version: 1, createdBy: 'user:seed', updatedBy: 'user:seed' } });
        const again = await catalog.upsertMany([{ ...exampleEntities[7] }], { actor: 'user:other' });
        expect(again[0]).toMatchObject({ status: 'unchanged', version: 1 });
        const updated = await catalog.upsert({ ...exampleEntities[7], title: 'Kafka' } as never, { actor: 'user:b' });
        expect(updated.meta).toMatchObject({ version: 2, createdBy: 'user:seed', updatedBy: 'user:b' });
      });

      it('names the JSON pointer of every invalid field and writes nothing', async () => {
        const bad = await catalog.upsertMany(
          [
            { kind: 'component', id: 'x1', title: 'X', properties: { lifecycle: 'production', replicas: 'three' }, relations: { system: 'cart' } },
            { kind: 'component', id: 'x2', title: 'X', properties: { lifecycle: 'production' }, relations: { system: 'nope' } },
            { kind: 'nokind', id: 'x3', title: 'X' },
            { kind: 'component', id: 'x4', title: 'X', properties: { lifecycle: 'production' }, relations: {} },
            { kind: 'component', id: 'X 5', title: 'X' },
            JSON.parse('{"kind":"component","id":"x6","properties":{"lifecycle":"production","__proto__":{"polluted":true}},"relations":{"system":"cart"}}'),
            { kind: 'component', id: 'x7', title: 'X', owner: 'nobody', properties: { lifecycle: 'production' }, relations: { system: 'cart' } },
          ],
          { actor: 'u' },
        );
        expect(bad.map((r) => r.status)).toEqual(Array(7).fill('error'));
        expect(bad.map((r) => r.error!.errors?.[0]?.pointer)).toEqual(['/0/properties/replicas', '/1/relations/system', '/2/kind', '/3/relations/system', '/4/id', '/5/properties/__proto__', '/6/owner']);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect((await q({ kind: 'component', limit: 100 })).total).toBe(4);
      });

      it('applies the other writes of one store call when some conflict, and a ref written twice in one call in order', async () => {
        const kind = (await catalog.getKind('team'))!;
        const team = (id: string, slack: string, version: number): Entity => ({
          kind: 'team', id, title: id, properties: { slack }, relations: {},
          meta: { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', createdBy: 'u', updatedBy: 'u', version },
        });
        const create = (entity: Entity): EntityWrite => ({ ref: `team/${entity.id}`, expectedVersion: 0, entity, add: PorticoCatalog.indexer(entity, kind), remove: [], event: null });
        const update = (before: Entity, after: Entity, expectedVersion = before.meta.version): EntityWrite => ({
          ref: `team/${after.id}`, expectedVersion, entity: after, ...diffEntries(PorticoCatalog.indexer(before, kind), PorticoCatalog.indexer(after, kind)), event: null,
        });
        const existing = (await catalog.get({ kind: 'team', id: 't-cart' }))!;
        const stale = update(existing, { ...existing, properties: { slack: '#stale' }, meta: { ...existing.meta, version: existing.meta.version + 1 } }, existing.meta.version + 5);
        const v1 = team('tw-twice', '#first', 1);
        const v2 = team('tw-twice', '#second', 2);
        const outcomes = await catalog.store.write([create(team('tw-a', '#a', 1)), stale, create(v1), update(v1, v2), create(team('tw-b', '#b', 1))]);
        expect(outcomes).toEqual(['ok', 'conflict', 'ok', 'ok', 'ok']);
        const slack = async (value: string): Promise<string[]> => ids(await q({ kind: 'team', filter: { combinator: 'and', rules: [{ property: 'slack', operator: '=', value }] } }));
        expect(await slack('#a')).toEqual(['tw-a']);
        expect(await slack('#b')).toEqual(['tw-b']);
        expect(await slack('#stale')).toEqual([]);
        expect(await slack('#first')).toEqual([]);
        expect(await slack('#second')).toEqual(['tw-twice']);
        expect((await catalog.get({ kind: 'team', id: 'tw-twice' }))!.meta.version).toBe(2);
        expect(await catalog.get({ kind: 'team', id: 't-cart' })).toEqual(existing);
        const facets = (await q({ kind: 'team', facets: ['slack'], limit: 1 })).facets!.slack;
        expect(facets['#first']).toBeUndefined();
        expect(facets['#second']).toBe(1);
      });

      it('lets exactly one of two concurrent writers with the same If-Match version win; the other gets 412', async () => {
        const second = harness.shared ? await open() : catalog;
        const ref = { kind: 'component', id: 'cart-service' };
        const outcomes = await Promise.allSettled([
          catalog.patch(ref, { properties: { replicas: 10 } }, { ifVersion: 1, actor: 'a' }),
          second.patch(ref, { properties: { replicas: 20 } }, { ifVersion: 1, actor: 'b' }),
        ]);
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0].reason).toMatchObject({ status: 412 });
        const after = await catalog.get(ref);
        expect(after!.meta.version).toBe(2);
        expect(after!.properties.replicas).toBe((won[0] as PromiseFulfilledResult<Entity>).value.properties.replicas);
      });

      it('keeps every acknowledged write across a restart, indexes included', async () => {
        await catalog.patch({ kind: 'component', id: 'core-kafka' }, { properties: { language: 'scala' } });
        await catalog.delete({ kind: 'component', id: 'core-payment' }, {});
        await catalog.close();
        opened.splice(opened.indexOf(catalog), 1);
        catalog = await open();
        expect((await catalog.get({ kind: 'component', id: 'core-kafka' }))!.properties.language).toBe('scala');
        expect(await catalog.get({ kind: 'component', id: 'core-payment' })).toBeNull();
        expect(ids(await comp([{ property: 'language', operator: '=', value: 'scala' }]))).toEqual(['core-kafka']);
        expect((await catalog.listKinds()).map((k) => k.id)).toEqual(['component', 'domain', 'system', 'team']);
      });

      it('never repeats a version for a ref across delete and re-creation, restarts included; a stale If-Match does not match the new entity', async () => {
        const ref = { kind: 'component', id: 'core-kafka' };
        await catalog.upsert({ ...exampleEntities[7], title: 'Kafka 2' } as never, {});
        await catalog.delete(ref, {});
        const again = await catalog.upsert({ ...exampleEntities[7] } as never, {});
        expect(again.meta.version).toBe(3);
        await expect(catalog.upsert({ ...exampleEntities[7], title: 'stale' } as never, { ifVersion: 1 })).rejects.toMatchObject({ status: 412 });
        await catalog.delete(ref, { ifVersion: 3 });
        await catalog.close();
        opened.splice(opened.indexOf(catalog), 1);
        catalog = await open();
        const [bulk] = await catalog.upsertMany([{ ...exampleEntities[7] }], { actor: 'user:b' });
        expect(bulk).toMatchObject({ status: 'created', version: 4 });
        expect((await catalog.get(ref))!.meta.version).toBe(4);
        expect((await catalog.get(ref))!.title).not.toBe('stale');
      });

      it('restores an entity at its exported version, but never at or below a deleted version, nor over an entity it did not expect', async () => {
        const ref = { kind: 'component', id: 'core-kafka' };
        const before = (await catalog.get(ref))!;
        await catalog.delete(ref, {});
        const restored: Entity = { ...before, title: 'Restored', meta: { ...before.meta, version: 7 } };
        const write = (entity: Entity, expectedVersion: number, restore?: boolean): EntityWrite => ({ ref: 'component/core-kafka', expectedVersion, entity, add: PorticoCatalog.indexer(entity, exampleKinds.find((k) => k.id === 'component')), remove: [], event: null, ...(restore ? { restore } : {}) });
        // Without the flag a re-creation must continue right after the deleted version (1).
        expect(await catalog.store.write([write(restored, 0)])).toEqual(['conflict']);
        expect(await catalog.store.write([write({ ...restored, meta: { ...restored.meta, version: 1 } }, 0, true)])).toEqual(['conflict']);
        expect(await catalog.store.write([write(restored, 3, true)])).toEqual(['conflict']);
        expect(await catalog.store.write([write(restored, 0, true)])).toEqual(['ok']);
        expect(await catalog.get(ref)).toMatchObject({ title: 'Restored', meta: { version: 7 } });
        expect(ids(await comp([{ property: 'lifecycle', operator: '=', value: 'experimental' }]))).toEqual(['core-kafka']);
        await catalog.close();
        opened.splice(opened.indexOf(catalog), 1);
        catalog = await open();
        expect((await catalog.get(ref))!.meta.version).toBe(7);
        expect((await catalog.upsert({ ...exampleEntities[7], title: 'Next' } as never, {})).meta.version).toBe(8);
      });

      it('merges patches: null removes a property, other properties stay', async () => {
        const patched = await catalog.patch({ kind: 'component', id: 'cart-service' }, { properties: { language: null, replicas: 4 }, description: null } as never);
        expect(patched.properties).toMatchObject({ lifecycle: 'production', replicas: 4, tags: ['web', 'critical'] });
        expect(patched.properties.language).toBeUndefined();
        expect(patched.description).toBeUndefined();
      });

      it('refuses to delete an entity others require, listing them, and cascades when asked', async () => {
        await expect(catalog.delete({ kind: 'system', id: 'cart' })).rejects.toMatchObject({
          status: 409,
          extensions: { dependentsCount: 2, dependents: expect.arrayContaining([{ kind: 'component', id: 'cart-service', relation: 'component.system' }, { kind: 'component', id: 'core-kafka', relation: 'component.system' }]) },
        });
        expect(await catalog.get({ kind: 'system', id: 'cart' })).not.toBeNull();
        // Optional relations do not block: core-kafka is only depended upon (dependsOn is not required).
        await catalog.delete({ kind: 'system', id: 'cart' }, { cascade: true });
        for (const id of ['cart-service', 'core-kafka']) expect(await catalog.get({ kind: 'component', id })).toBeNull();
        expect(await catalog.get({ kind: 'system', id: 'cart' })).toBeNull();
        expect(ids(await q({ kind: 'component', limit: 100 }))).toEqual(['core-payment', 'products-service']);
      });
    });

    describe('queries', () => {
      it.each<[string, unknown[], string[]]>([
        ['=', [{ property: 'language', operator: '=', value: 'java' }], ['core-kafka', 'core-payment']],
        ['!=', [{ property: 'language', operator: '!=', value: 'java' }], ['cart-service', 'products-service']],
        ['< on numbers', [{ property: 'replicas', operator: '<', value: 3 }], ['core-kafka', 'products-service']],
        ['<=', [{ property: 'replicas', operator: '<=', value: 3 }], ['cart-service', 'core-kafka', 'products-service']],
        ['>', [{ property: 'replicas', operator: '>', value: 3 }], ['core-payment']],
        ['>= on dates', [{ property: 'deployedAt', operator: '>=', value: '2026-01-10T10:00:00Z' }], ['cart-service', 'products-service']],
        ['between', [{ property: 'replicas', operator: 'between', value: [2, 3] }], ['cart-service', 'products-service']],
        ['in', [{ property: 'lifecycle', operator: 'in', value: ['experimental', 'deprecated'] }], ['core-kafka', 'core-payment']],
        ['notIn', [{ property: 'lifecycle', operator: 'notIn', value: ['experimental', 'deprecated'] }], ['cart-service', 'products-service']],
        ['contains on arrays', [{ property: 'tags', operator: 'contains', value: 'critical' }], ['cart-service', 'core-payment']],
        ['contains on strings', [{ property: 'language', operator: 'contains', value: 'ava' }], ['core-kafka', 'core-payment']],
        ['containsAny', [{ property: 'tags', operator: 'containsAny', value: ['lib', 'web'] }], ['cart-service', 'core-kafka', 'core-payment', 'products-service']],
        ['beginsWith', [{ property: 'language', operator: 'beginsWith', value: 'type' }], ['cart-service']],
        ['endsWith', [{ property: 'language', operator: 'endsWith', value: 'o' }], ['products-service']],
        ['isEmpty', [{ property: 'deployedAt', operator: 'isEmpty' }], ['core-payment']],
        ['isNotEmpty', [{ property: 'docs', operator: 'isNotEmpty' }], ['cart-service']],
        ['= on booleans', [{ property: 'public', operator: '=', value: false }], ['products-service']],
        ['owner', [{ property: 'owner', operator: '=', value: 't-pay' }], ['core-payment', 'products-service']],
        ['relation =', [{ property: 'relations.system', operator: '=', value: 'cart' }], ['cart-service', 'core-kafka']],
        ['relation contains (many)', [{ property: 'relations.dependsOn', operator: 'contains', value: 'core-payment' }], ['products-service']],
        ['relation isEmpty', [{ property: 'relations.dependsOn', operator: 'isEmpty' }], ['core-kafka']],
        ['id beginsWith', [{ property: 'id', operator: 'beginsWith', value: 'core-' }], ['core-kafka', 'core-payment']],
        ['id in', [{ property: 'id', operator: 'in', value: ['core-kafka', 'nope'] }], ['core-kafka']],
        ['title contains (post-filter)', [{ property: 'title', operator: 'contains', value: 'service' }], ['cart-service', 'products-service']],
        ['description endsWith (post-filter)', [{ property: 'description', operator: 'endsWith', value: 'API' }], ['products-service']],
        ['or of and', [{ combinator: 'or', rules: [{ property: 'replicas', operator: '>', value: 4 }, { combinator: 'and', rules: [{ property: 'language', operator: '=', value: 'go' }, { property: 'public', operator: '=', value: false }] }] }], ['core-payment', 'products-service']],
        ['kind =', [{ property: 'kind', operator: '=', value: 'component' }, { property: 'replicas', operator: '=', value: 5 }], ['core-payment']],
      ])('operator %s', async (_name, rules, expected) => {
        const result = await comp(rules as never);
        expect(ids(result)).toEqual(expected);
        expect(result.total).toBe(expected.length);
      });

      it('answers relatedTo downstream and upstream, following maxHops', async () => {
        const down = (id: string, maxHops?: number, relation?: string) => q({ filter: { combinator: 'and', rules: [{ operator: 'relatedTo', kind: 'component', id, direction: 'downstream', maxHops, relation }] }, limit: 100 });
        expect(ids(await down('core-kafka'))).toEqual(['cart-service', 'core-payment', 'products-service']);
        expect(ids(await q({ filter: { combinator: 'and', rules: [{ operator: 'relatedTo', kind: 'domain', id: 'orders', direction: 'downstream', maxHops: 2 }] }, limit: 100 }))).toEqual([
          'cart-service',
          'core-kafka',
          'core-payment',
          'products-service',
          'cart',
          'products',
        ].sort((a, b) => (`${a.includes('-') ? 'component' : 'system'}/${a}` < `${b.includes('-') ? 'component' : 'system'}/${b}` ? -1 : 1)));
        const up = (maxHops: number) => q({ filter: { combinator: 'and', rules: [{ operator: 'relatedTo', kind: 'component', id: 'products-service', direction: 'upstream', maxHops }] }, limit: 100 });
        expect((await up(1)).items.map((e) => `${e.kind}/${e.id}`)).toEqual(['component/core-kafka', 'component/core-payment', 'system/products']);
        expect((await up(2)).items.map((e) => `${e.kind}/${e.id}`)).toEqual(['component/core-kafka', 'component/core-payment', 'domain/orders', 'system/cart', 'system/products']);
        expect(ids(await q({ kind: 'component', filter: { combinator: 'and', rules: [{ operator: 'relatedTo', kind: 'component', id: 'core-kafka', direction: 'downstream', relation: 'dependsOn' }, { property: 'language', operator: '=', value: 'go' }] } }))).toEqual(['products-service']);
      });

      it('searches word prefixes of ids and titles and whole words of descriptions and text properties', async () => {
        expect((await q({ search: 'kafka' })).items.map((e) => e.id)).toEqual(['core-kafka']);
        expect((await q({ search: 'cart' })).items.map((e) => `${e.kind}/${e.id}`)).toEqual(['component/cart-service', 'system/cart', 'team/t-cart']);
        // A kindless search with a kind rule keeps to those kinds (it once matched every kind).
        expect((await q({ search: 'cart', filter: { combinator: 'and', rules: [{ property: 'kind', operator: 'in', value: ['system', 'team'] }] } })).items.map((e) => `${e.kind}/${e.id}`)).toEqual(['system/cart', 'team/t-cart']);
        expect((await q({ search: 'cart', filter: { combinator: 'and', rules: [{ property: 'kind', operator: '=', value: 'team' }] } })).items.map((e) => `${e.kind}/${e.id}`)).toEqual(['team/t-cart']);
        expect(ids(await q({ kind: 'component', search: 'shared library' }))).toEqual(['core-kafka']);
        expect(ids(await q({ kind: 'component', search: 'shared libr' }))).toEqual([]);
        expect(ids(await q({ kind: 'component', search: 'kaf' }))).toEqual(['core-kafka']);
        expect(ids(await q({ kind: 'component', search: 'servic' }))).toEqual(['cart-service', 'products-service']);
        // Longer than the indexed prefixes: narrowed by the index, then checked exactly.
        await catalog.upsert({ kind: 'team', id: 't-infrastructure', title: 'Infrastructureplatform team', properties: { slack: '#infra' }, relations: {} });
        expect(ids(await q({ search: 'infrastructurepl' }))).toEqual(['t-infrastructure']);
        expect(ids(await q({ search: 'infrastructurex' }))).toEqual([]);
        expect(ids(await q({ kind: 'component', search: 'checkout' }))).toEqual(['cart-service']);
        expect(ids(await q({ kind: 'component', search: 'catalogueapi' }))).toEqual([]);
        expect(ids(await q({ kind: 'component', search: 'typescript' }))).toEqual(['cart-service']);
      });

      it('counts facets over all matches, not just the page', async () => {
        const result = await q({ kind: 'component', limit: 1, facets: ['language', 'tags', 'owner', 'kind', 'replicas'] });
        expect(result.items).toHaveLength(1);
        expect(result.facets).toEqual({
          language: { typescript: 1, go: 1, java: 2 },
          tags: { web: 2, critical: 2, lib: 2 },
          owner: { 't-cart': 2, 't-pay': 2 },
          kind: { component: 4 },
          replicas: { '1': 1, '2': 1, '3': 1, '5': 1 },
        });
        // Counts are cached per query until the next write.
        await catalog.patch({ kind: 'component', id: 'core-kafka' }, { properties: { language: 'go' } });
        expect((await q({ kind: 'component', limit: 1, facets: ['language'] })).facets).toEqual({ language: { typescript: 1, go: 2, java: 1 } });
        await catalog.patch({ kind: 'component', id: 'core-kafka' }, { properties: { language: 'java' } });
        const filtered = await comp([{ property: 'title', operator: 'contains', value: 'Core' }], { facets: ['language'] });
        expect(filtered.facets).toEqual({ language: { java: 2 } });
      });

      it('sorts by numbers and dates in both directions, missing values last', async () => {
        expect(ids(await q({ kind: 'component', sort: { property: 'replicas', order: 'desc' } }))).toEqual(['core-payment', 'cart-service', 'products-service', 'core-kafka']);
        expect(ids(await q({ kind: 'component', sort: { property: 'deployedAt' } }))).toEqual(['core-kafka', 'cart-service', 'products-service', 'core-payment']);
        expect(ids(await q({ kind: 'component', sort: { property: 'id', order: 'desc' } }))).toEqual(['products-service', 'core-payment', 'core-kafka', 'cart-service']);
      });

      it('sorts by title, case-insensitively, with or without a kind', async () => {
        await catalog.patch({ kind: 'component', id: 'core-kafka' }, { title: 'apache Kafka' });
        expect(ids(await q({ kind: 'component', sort: { property: 'title' } }))).toEqual(['core-kafka', 'cart-service', 'core-payment', 'products-service']);
        expect(ids(await q({ kind: 'component', sort: { property: 'title', order: 'desc' } }))).toEqual(['products-service', 'core-payment', 'cart-service', 'core-kafka']);
        const all = await q({ sort: { property: 'title' }, limit: 3 });
        expect(all.items.map((e) => e.title)).toEqual(['apache Kafka', 'Cart service', 'Cart system']);
      });

      it('pages with cursors that stay stable under concurrent writes', async () => {
        const many = Array.from({ length: 40 }, (_, i) => ({ kind: 'team', id: `p-${String(i).padStart(2, '0')}`, title: `Team ${i}`, properties: { slack: i % 2 ? '#odd' : '#even' }, relations: {} }));
        await catalog.upsertMany(many, { actor: 'u' });
        for (const [pass, sort] of [undefined, { property: 'meta.updatedAt', order: 'desc' as const }, { property: 'title' }].entries()) {
          const stable = new Set(ids(await q({ kind: 'team', filter: { combinator: 'and', rules: [{ property: 'id', operator: 'beginsWith', value: 'p-' }] }, limit: 500 })));
          expect(stable.size).toBeGreaterThan(30);
          const seen: string[] = [];
          let cursor: string | undefined;
          let round = 0;
          do {
            const page = await q({ kind: 'team', filter: { combinator: 'and', rules: [{ property: 'id', operator: 'beginsWith', value: 'p-' }] }, limit: 7, cursor, sort });
            seen.push(...ids(page));
            cursor = page.nextCursor ?? undefined;
            // Concurrent writers: a new entity, and one already-seen deleted.
            await catalog.upsert({ kind: 'team', id: `p-new-${round}-${pass}`, title: 'new', properties: {}, relations: {} });
            const seenStable = seen.filter((s) => stable.has(s));
            const victim = seenStable[0];
            if (victim) {
              await catalog.delete({ kind: 'team', id: victim });
              stable.delete(victim);
            }
            round++;
          } while (cursor && round < 50);
          expect(new Set(seen).size).toBe(seen.length);
          for (const id of stable) expect(seen).toContain(id);
        }
        await expect(q({ kind: 'team', cursor: 'not-a-cursor!' })).rejects.toMatchObject({ status: 400, errors: [{ pointer: '/cursor' }] });
        const first = await q({ kind: 'team', limit: 2 });
        await expect(q({ kind: 'team', limit: 2, cursor: first.nextCursor!, sort: { property: 'id', order: 'desc' } })).rejects.toMatchObject({ status: 400 });
      });

      it('pages an AND of several indexes (filters, search words) in both orders, with facets', async () => {
        await catalog.registerKind({ id: 'probe', title: 'Probe', schema: { type: 'object', properties: { color: { type: 'string' }, shape: { type: 'string' }, zone: { type: 'string' } } } }, 'test');
        // 1,200 entities, with matches spread out (color, shape) and bunched at one end (zone), so
        // that pages of an AND are checked in both orders wherever they fall.
        const probes = Array.from({ length: 1200 }, (_, i) => ({
          kind: 'probe',
          id: `pr-${String(i).padStart(4, '0')}`,
          title: i % 5 === 0 ? `Probe alpha beta ${i}` : `Probe alpha gamma ${i}`,
          properties: { color: ['red', 'green', 'blue'][i % 3], shape: ['round', 'square'][i % 2], zone: i < 1000 ? 'early' : 'late' },
          relations: {},
        }));
        for (let i = 0; i < probes.length; i += 300) await catalog.upsertMany(probes.slice(i, i + 300), { actor: 'u' });
        const pageAll = async (query: EntityQuery): Promise<string[]> => {
          const seen: string[] = [];
          let cursor: string | undefined;
          do {
            const page = await q({ ...query, cursor });
            seen.push(...ids(page));
            cursor = page.nextCursor ?? undefined;
          } while (cursor && seen.length < 2000);
          return seen;
        };
        const where = (rules: Array<[string, string]>) => ({ combinator: 'and' as const, rules: rules.map(([property, value]) => ({ property, operator: '=' as const, value })) });
        const expected = (test: (p: (typeof probes)[number]) => boolean): string[] => probes.filter(test).map((p) => p.id);
        const redRound = expected((p) => p.properties.color === 'red' && p.properties.shape === 'round');
        expect(redRound.length).toBe(200);
        expect(await pageAll({ kind: 'probe', filter: where([['color', 'red'], ['shape', 'round']]), limit: 40 })).toEqual(redRound);
        expect(await pageAll({ kind: 'probe', filter: where([['color', 'red'], ['shape', 'round']]), limit: 40, sort: { property: 'id', order: 'desc' } })).toEqual([...redRound].reverse());
        const redLate = expected((p) => p.properties.color === 'red' && p.properties.zone === 'late');
        expect(await pageAll({ kind: 'probe', filter: where([['color', 'red'], ['zone', 'late']]), limit: 3 })).toEqual(redLate);
        const redEarly = expected((p) => p.properties.color === 'red' && p.properties.zone === 'early');
        expect((await q({ kind: 'probe', filter: where([['color', 'red'], ['zone', 'early']]), limit: 3, sort: { property: 'id', order: 'desc' } })).items.map((e) => e.id)).toEqual(redEarly.slice(-3).reverse());
        const lateRound = expected((p) => p.properties.zone === 'late' && p.properties.shape === 'round' && p.properties.color === 'blue');
        expect(await pageAll({ kind: 'probe', filter: where([['zone', 'late'], ['shape', 'round'], ['color', 'blue']]), limit: 7, sort: { property: 'id', order: 'desc' } })).toEqual([...lateRound].reverse());
        const first = await q({ kind: 'probe', filter: where([['color', 'red'], ['shape', 'round']]), limit: 4, facets: ['color', 'shape', 'zone'] });
        expect(first.total).toBe(200);
        expect(first.facets).toEqual({ color: { red: 200 }, shape: { round: 200 }, zone: { early: 167, late: 33 } });
        const beta = expected((p) => p.title.includes('beta'));
        expect(await pageAll({ kind: 'probe', search: 'alpha bet', limit: 50 })).toEqual(beta);
        expect(await pageAll({ kind: 'probe', search: 'alpha bet', limit: 50, sort: { property: 'id', order: 'desc' } })).toEqual([...beta].reverse());
        expect((await q({ kind: 'probe', search: 'alpha bet', filter: where([['shape', 'square']]), limit: 50 })).total).toBe(beta.filter((id) => Number(id.slice(3)) % 2 === 1).length);
        expect((await q({ kind: 'probe', search: 'gamma nothere', limit: 5 })).total).toBe(0);
      });

      it('refuses malformed queries with pointers', async () => {
        await expect(q({ kind: 'component', filter: { combinator: 'and', rules: [{ property: 'replicas', operator: '>', value: 'x' }] } })).rejects.toMatchObject({ status: 400, errors: [{ pointer: '/filter/rules/0/value' }] });
        await expect(q({ kind: 'component', filter: { combinator: 'xor', rules: [] } as never })).rejects.toMatchObject({ errors: [{ pointer: '/filter/combinator' }] });
        await expect(q({ kind: 'component', filter: { combinator: 'and', rules: [{ property: 'nope', operator: '=', value: 1 }] } })).rejects.toMatchObject({ errors: [{ pointer: '/filter/rules/0/property' }] });
        await expect(q({ kind: 'nope' })).rejects.toMatchObject({ errors: [{ pointer: '/kind' }] });
        await expect(q({ kind: 'component', sort: { property: 'language' } })).rejects.toMatchObject({ errors: [{ pointer: '/sort/property' }] });
        await expect(q({ kind: 'component', limit: 0 })).rejects.toMatchObject({ errors: [{ pointer: '/limit' }] });
      });
    });

    describe('computed properties', () => {
      it('mirrors through relations, calculates expressions and aggregates related entities', async () => {
        const cart = await catalog.get({ kind: 'component', id: 'cart-service' });
        expect(cart!.computed).toEqual({ domainTitle: 'Order domain', systemTitle: 'Cart system', capacity: 6, label: 'Cart service (production)', critical: true });
        const products = await catalog.get({ kind: 'system', id: 'products' });
        expect(products!.computed).toEqual({ componentCount: 2, totalReplicas: 7, productionCount: 1, maxReplicas: 5 });
        const page = await q({ kind: 'system' });
        expect(page.items.map((s) => s.computed!.componentCount)).toEqual([2, 2]);
      });
    });

    describe('events and timers', () => {
      it('emits created, updated and deleted events with before and after', async () => {
        const events: EntityEvent[] = [];
        // Events of the seed may still arrive (delivery covers everything since the instance started).
        catalog.onEvent((e) => void (e.id === 't-new' && events.push(e)));
        await catalog.upsert({ kind: 'team', id: 't-new', title: 'New', properties: {}, relations: {} }, { actor: 'user:a' });
        await catalog.patch({ kind: 'team', id: 't-new' }, { title: 'Newer' }, { actor: 'user:b' });
        await catalog.delete({ kind: 'team', id: 't-new' }, { actor: 'user:c' });
        await waitFor(() => events.length >= 3, 'three events');
        expect(events.map((e) => [e.type, e.actor, e.before?.title ?? null, e.after?.title ?? null])).toEqual([
          ['created', 'user:a', null, 'New'],
          ['updated', 'user:b', 'New', 'Newer'],
          ['deleted', 'user:c', 'Newer', null],
        ]);
      });

      it('shares writes and events between instances on the same store', async () => {
        if (!harness.shared) {
          // One process owns an embedded data directory; sharing is the Redis store's job.
          expect(harness.shared).toBe(false);
          return;
        }
        const other = await open();
        const seen: EntityEvent[] = [];
        other.onEvent((e) => void seen.push(e));
        await catalog.upsert({ kind: 'team', id: 't-remote', title: 'Remote', properties: {}, relations: {} });
        await waitFor(() => seen.some((e) => e.id === 't-remote' && e.type === 'created'), 'the other instance to see the event');
        expect((await other.get({ kind: 'team', id: 't-remote' }))!.title).toBe('Remote');
        await other.createKind({ id: 'runbook', title: 'Runbook', schema: { type: 'object' } });
        await waitFor(() => catalog.kindSource('runbook') === 'api', 'the kind to reach the first instance');
      });

      it('hands each due timer to exactly one caller and re-arms a timer whose value changes', async () => {
        const second = harness.shared ? await open() : catalog;
        const due = Date.parse('2026-03-01T00:00:00Z');
        await catalog.patch({ kind: 'component', id: 'cart-service' }, { properties: { nextReview: '2026-03-01T00:00:00Z' } });
        await catalog.patch({ kind: 'component', id: 'core-kafka' }, { properties: { nextReview: '2026-04-01T00:00:00Z' } });
        const claims = await Promise.all([catalog.claimDueTimers(due + 1000, 10), second.claimDueTimers(due + 1000, 10), catalog.claimDueTimers(due + 1000, 10)]);
        expect(claims.flat()).toEqual([{ kind: 'component', id: 'cart-service', property: 'nextReview', dueAt: due }]);
        expect(await catalog.claimDueTimers(due + 1000, 10)).toEqual([]);
        await catalog.patch({ kind: 'component', id: 'cart-service' }, { properties: { replicas: 9 } });
        expect(await catalog.claimDueTimers(due + 1000, 10)).toEqual([]);
        await catalog.patch({ kind: 'component', id: 'cart-service' }, { properties: { nextReview: '2026-03-02T00:00:00Z' } });
        expect(await catalog.claimDueTimers(Date.parse('2026-05-01T00:00:00Z'), 10)).toEqual([
          { kind: 'component', id: 'cart-service', property: 'nextReview', dueAt: Date.parse('2026-03-02T00:00:00Z') },
          { kind: 'component', id: 'core-kafka', property: 'nextReview', dueAt: Date.parse('2026-04-01T00:00:00Z') },
        ]);
      });
    });
  });
}
