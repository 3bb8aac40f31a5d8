import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The machine's PostgreSQL (trust auth, database `test`); tests fail, never skip, when it is down. */
export const TEST_DATABASE_URL = process.env.PORTICO_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestSchema {
  /** A fresh schema of its own, e.g. `airflow_t_3f9a1c`. */
  name: string;
  client: pg.Client;
  query<R extends pg.QueryResultRow = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<R[]>;
  /** Drops the schema with everything in it and disconnects. */
  drop(): Promise<void>;
}

/** Connects and creates a schema no other test uses; `drop()` removes it. */
export async function createTestSchema(): Promise<TestSchema> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`These tests need the PostgreSQL at ${TEST_DATABASE_URL} (set PORTICO_TEST_POSTGRES_URL to use another): ${(error as Error).message}`);
  }
  const name = `airflow_t_${randomBytes(4).toString('hex')}`;
  await client.query(`CREATE SCHEMA ${name}`);
  return {
    name,
    client,
    query: async (sql, values) => (await client.query(sql, values)).rows,
    drop: async () => {
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
