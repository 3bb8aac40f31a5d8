import pg from 'pg';
import type { SecretsService } from '@portico/plugin-api';
import { databaseConfig, type AirflowConfig } from '../config/airflow-config';
import { pgSqlClient, type SqlClient } from './sql-client';

/** Borrows a client of a configured database for `work`, and always gives it back. */
export interface PostgresConnection {
  withClient<T>(database: string, work: (client: SqlClient) => Promise<T>): Promise<T>;
  /** Host and database name of a database, for its entity (never the credentials). */
  describe(database: string): Promise<{ host: string; databaseName: string }>;
  close(): Promise<void>;
}

function envName(secret: string): string {
  return `PORTICO_SECRET_${secret.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** Pools are made on first use from the connection string secret, and remade when the secret changes. */
export function createPostgresConnection(config: AirflowConfig, secrets: Pick<SecretsService, 'get'>): PostgresConnection {
  const pools = new Map<string, { url: string; pool: pg.Pool }>();

  async function urlOf(database: string): Promise<string> {
    const settings = databaseConfig(config, database);
    const url = await secrets.get(settings.connectionSecret);
    if (!url) throw new Error(`The connection string of database "${database}" is missing: set the secret "${settings.connectionSecret}" (${envName(settings.connectionSecret)} or the config's secrets) to postgres://user:password@host:5432/name.`);
    return url;
  }

  async function poolOf(database: string): Promise<pg.Pool> {
    const url = await urlOf(database);
    const existing = pools.get(database);
    if (existing?.url === url) return existing.pool;
    if (existing) void existing.pool.end().catch(() => undefined);
    const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000, application_name: 'portico-airflow' });
    // An idle client that loses its server must not crash the portal.
    pool.on('error', () => undefined);
    pools.set(database, { url, pool });
    return pool;
  }

  return {
    async withClient(database, work) {
      const pool = await poolOf(database);
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        const host = (() => {
          try {
            return new URL(pools.get(database)!.url).host;
          } catch {
            return 'its host';
          }
        })();
        throw new Error(`Could not connect to database "${database}" at ${host}: ${(error as Error).message}. Check that PostgreSQL is up and the connection string secret is right.`);
      }
      try {
        return await work(pgSqlClient(client));
      } finally {
        client.release();
      }
    },
    async describe(database) {
      try {
        const url = new URL(await urlOf(database));
        return { host: url.host, databaseName: decodeURIComponent(url.pathname.replace(/^\//, '')) };
      } catch {
        return { host: '', databaseName: '' };
      }
    },
    async close() {
      await Promise.all([...pools.values()].map((p) => p.pool.end().catch(() => undefined)));
      pools.clear();
    },
  };
}
