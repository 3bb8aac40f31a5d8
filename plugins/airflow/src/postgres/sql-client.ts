import type { ClientBase, QueryConfig, QueryResultRow } from 'pg';

/**
 * What the table code needs of a PostgreSQL connection: one statement per call, with
 * parameters. `pg` clients and the demo's embedded database both provide it.
 */
export interface SqlClient {
  query<R extends QueryResultRow = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
}

/**
 * A `pg` client whose every statement goes over the extended protocol (pg's `queryMode`, which
 * its types do not list yet): PostgreSQL then refuses a text holding more than one statement,
 * so no text can smuggle a second one.
 */
export function pgSqlClient(client: ClientBase): SqlClient {
  return {
    query: async <R extends QueryResultRow>(text: string, values: unknown[] = []) => {
      const result = await client.query<R>({ text, values, queryMode: 'extended' } as QueryConfig);
      return { rows: result.rows, rowCount: result.rowCount };
    },
  };
}
