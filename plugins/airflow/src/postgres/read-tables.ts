import type { SqlClient } from './sql-client';
import type { TableColumn } from '../kinds/table-kind';

/** A table as PostgreSQL describes it. */
export interface TableSnapshot {
  schema: string;
  table: string;
  columns: TableColumn[];
  /** `pg_class.reltuples`: PostgreSQL's estimate from the last ANALYZE or VACUUM (-1 when never analysed). */
  rowEstimate: number;
}

interface ColumnRow {
  table_schema: string;
  table_name: string;
  column_name: string;
  data_type: string;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
  ordinal_position: number;
  reltuples: number | string | null;
}

// Types as PostgreSQL prints them (format_type keeps modifiers: varchar(80), numeric(10,2)),
// only ordinary and partitioned tables, never PostgreSQL's own schemas.
const COLUMNS_SQL = `
  SELECT c.table_schema, c.table_name, c.column_name, c.is_nullable, c.column_default, c.ordinal_position,
         format_type(a.atttypid, a.atttypmod) AS data_type, cls.reltuples
    FROM information_schema.columns c
    JOIN pg_catalog.pg_namespace n ON n.nspname = c.table_schema
    JOIN pg_catalog.pg_class cls ON cls.relnamespace = n.oid AND cls.relname = c.table_name
    JOIN pg_catalog.pg_attribute a ON a.attrelid = cls.oid AND a.attname = c.column_name
   WHERE cls.relkind IN ('r', 'p')
     AND c.table_schema NOT IN ('pg_catalog', 'information_schema') AND c.table_schema NOT LIKE 'pg\\_toast%'
     AND ($1::text[] IS NULL OR c.table_schema = ANY($1::text[]))
     AND ($2::text IS NULL OR c.table_name = $2::text)
   ORDER BY c.table_schema, c.table_name, c.ordinal_position`;

/** Every table of the schemas (all user schemas when `schemas` is undefined), with its columns. */
export async function readTables(client: SqlClient, options: { schemas?: string[]; table?: string } = {}): Promise<TableSnapshot[]> {
  const result = await client.query<ColumnRow>(COLUMNS_SQL, [options.schemas ?? null, options.table ?? null]);
  const tables = new Map<string, TableSnapshot>();
  for (const row of result.rows) {
    const key = JSON.stringify([row.table_schema, row.table_name]);
    let table = tables.get(key);
    if (!table) {
      table = { schema: row.table_schema, table: row.table_name, columns: [], rowEstimate: Math.max(-1, Math.round(Number(row.reltuples ?? -1))) };
      tables.set(key, table);
    }
    table.columns.push({ name: row.column_name, type: row.data_type, nullable: row.is_nullable === 'YES', default: row.column_default, position: row.ordinal_position });
  }
  return [...tables.values()];
}

/** One table, or null when it does not exist (any more). */
export async function readTable(client: SqlClient, schema: string, table: string): Promise<TableSnapshot | null> {
  const [found] = await readTables(client, { schemas: [schema], table });
  return found ?? null;
}
