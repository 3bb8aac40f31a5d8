import type { CatalogService, Entity, EntityInput, EntityMutation, EntityProviderContext, QueryFilter } from '@portico/plugin-api';
import { resolveAirflowConfig } from '../config/airflow-config';
import { createPostgresConnection } from '../postgres/postgres-connection';
import { createTestSchema, TEST_DATABASE_URL, type TestSchema } from '../testing/test-database';
import { tablesProvider } from './tables-provider';

// The table sync on the machine's real PostgreSQL, in a schema of its own, over a catalog kept
// in a Map: tables and columns come in, a dropped table goes, an owner people set stays, and an
// unreachable database deletes nothing.

let db: TestSchema;
const store = new Map<string, Entity>();
const logs: string[] = [];

const catalog: Pick<CatalogService, 'get' | 'query'> = {
  get: async (ref) => store.get(`${ref.kind}:${ref.id}`) ?? (ref.kind === 'team' ? ({ kind: 'team', id: ref.id } as Entity) : null),
  query: async (query) => {
    const rule = (query.filter as QueryFilter).rules[0] as { property: string; value: unknown };
    const items = [...store.values()].filter((e) => e.kind === query.kind && e.properties[rule.property] === rule.value);
    return { items, total: items.length, nextCursor: null };
  },
};

const ctx: EntityProviderContext = {
  logger: { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m), debug: () => undefined, child: () => ctx.logger } as never,
  signal: new AbortController().signal,
  apply: async (mutation: EntityMutation) => {
    for (const e of mutation.upsert ?? []) store.set(`${e.kind}:${e.id}`, { ...(e as EntityInput), properties: e.properties ?? {}, relations: (e.relations ?? {}) as Entity['relations'] } as Entity);
    for (const ref of mutation.delete ?? []) store.delete(`${ref.kind}:${ref.id}`);
  },
  applyFullSync: async () => {
    throw new Error('this provider does not use full sync');
  },
};

beforeAll(async () => {
  db = await createTestSchema();
  await db.query(`CREATE TABLE ${db.name}.orders (id bigint PRIMARY KEY, amount numeric(10,2) NOT NULL DEFAULT 0)`);
  await db.query(`CREATE TABLE ${db.name}."Old Orders" (id bigint)`);
  await db.query(`CREATE VIEW ${db.name}.orders_view AS SELECT id FROM ${db.name}.orders`);
});
afterAll(() => db.drop());

test('reads tables and columns, drops what is gone, keeps owners people set, and deletes nothing when the database is down', async () => {
  const config = resolveAirflowConfig({ databases: [{ id: 'warehouse', connectionSecret: 'url', schemas: [db.name], owner: 'checkout-team' }] });
  let url = TEST_DATABASE_URL;
  const postgres = createPostgresConnection(config, { get: async () => url });
  let passes = 0;
  const provider = tablesProvider({ config, postgres, catalog, onPass: () => passes++ });
  try {
    await provider.refresh(ctx);
    const tables = [...store.values()].filter((e) => e.kind === 'table');
    expect(tables.map((t) => [t.id, t.title, t.owner]).sort()).toEqual([
      [expect.stringMatching(new RegExp(`^warehouse\\.${db.name}-old-orders-[0-9a-f]{8}$`)), `${db.name}.Old Orders`, 'checkout-team'],
      [`warehouse.${db.name}.orders`, `${db.name}.orders`, 'checkout-team'],
    ]);
    expect(store.get(`table:warehouse.${db.name}.orders`)?.properties.columns).toEqual([
      { name: 'id', type: 'bigint', nullable: false, default: null, position: 1 },
      { name: 'amount', type: 'numeric(10,2)', nullable: false, default: '0', position: 2 },
    ]);
    expect(store.get('database:warehouse')?.properties).toMatchObject({ engine: 'postgresql', databaseName: 'test', host: '127.0.0.1:5432', tableCount: 2 });

    store.get(`table:warehouse.${db.name}.orders`)!.owner = 'catalog-team';
    await db.query(`DROP TABLE ${db.name}."Old Orders"`);
    await provider.refresh(ctx);
    expect([...store.values()].filter((e) => e.kind === 'table').map((t) => [t.id, t.owner])).toEqual([[`warehouse.${db.name}.orders`, 'catalog-team']]);

    url = 'postgres://postgres@127.0.0.1:9/test';
    await expect(provider.refresh(ctx)).rejects.toThrow('Reading tables failed for every database (warehouse); see the log lines above.');
    expect(logs.at(-1)).toMatch(/^Reading the tables of database "warehouse" failed; its entities are kept .*Could not connect to database "warehouse" at 127\.0\.0\.1:9/);
    expect(store.has(`table:warehouse.${db.name}.orders`)).toBe(true);
    expect(passes).toBe(3);
  } finally {
    await postgres.close();
  }
});
