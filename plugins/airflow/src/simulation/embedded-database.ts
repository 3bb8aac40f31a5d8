import { PGlite } from '@electric-sql/pglite';
import type { PostgresConnection } from '../postgres/postgres-connection';
import type { SqlClient } from '../postgres/sql-client';

/** The demo's sample tables: the example organisation's cart and catalogue data. */
const SEED = `
  CREATE SCHEMA sales;
  CREATE SCHEMA catalog;
  CREATE TABLE sales.carts (id bigint PRIMARY KEY, customer_email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), total_cents integer NOT NULL DEFAULT 0);
  CREATE TABLE sales.orders (id bigint PRIMARY KEY, cart_id bigint REFERENCES sales.carts (id), amount text, currency varchar(3) NOT NULL DEFAULT 'EUR', placed_at timestamptz NOT NULL DEFAULT now(), legacy_flag boolean);
  CREATE TABLE catalog.products (sku text PRIMARY KEY, name text NOT NULL, price_cents integer NOT NULL, in_stock boolean NOT NULL DEFAULT true);
  INSERT INTO sales.carts (id, customer_email, total_cents) SELECT g, 'customer' || g || '@example.com', g * 125 FROM generate_series(1, 40) g;
  INSERT INTO sales.orders (id, cart_id, amount) SELECT g, g, (g * 1.25)::text FROM generate_series(1, 25) g;
  INSERT INTO catalog.products (sku, name, price_cents) VALUES ('SKU-1', 'Espresso cup', 900), ('SKU-2', 'Coffee beans 1 kg', 2400), ('SKU-3', 'Milk jug', 1500);
  ANALYZE;
`;

/**
 * The demo's embedded sample database: a real PostgreSQL (PGlite, PostgreSQL compiled to
 * WebAssembly) in memory, seeded with the example organisation's tables. Table changes in the
 * demo run here and nowhere else. It has one connection, so work on it takes turns.
 */
export function createEmbeddedDatabase(databaseId: string): PostgresConnection {
  let ready: Promise<PGlite> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const open = (): Promise<PGlite> => {
    ready ??= (async () => {
      const db = new PGlite();
      await db.exec(SEED);
      return db;
    })();
    return ready;
  };
  const clientOf = (db: PGlite): SqlClient => ({
    query: async (text, values = []) => {
      const result = await db.query(text, values as unknown[]);
      return { rows: result.rows as never[], rowCount: result.affectedRows ?? null };
    },
  });
  return {
    withClient(database, work) {
      if (database !== databaseId) return Promise.reject(new Error(`The demo has only the embedded database "${databaseId}", not "${database}".`));
      const turn = queue.then(async () => work(clientOf(await open())));
      queue = turn.catch(() => undefined);
      return turn;
    },
    describe: async () => ({ host: 'embedded (PGlite)', databaseName: 'demo' }),
    async close() {
      if (ready) await (await ready).close();
      ready = null;
    },
  };
}
