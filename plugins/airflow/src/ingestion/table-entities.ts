import type { EntityInput } from '@portico/plugin-api';
import type { DatabaseConfig } from '../config/airflow-config';
import type { TableSnapshot } from '../postgres/read-tables';
import { tableEntityId } from './entity-ids';

/** A Table entity from what PostgreSQL says about it, owned by `options.owner` (a team that exists). */
export function tableEntity(database: DatabaseConfig, table: TableSnapshot, options: { owner?: string; simulated?: boolean } = {}): EntityInput {
  const { owner } = options;
  return {
    kind: 'table',
    id: tableEntityId(database.id, table.schema, table.table),
    title: `${table.schema}.${table.table}`,
    ...(owner ? { owner } : {}),
    properties: {
      database: database.id,
      schema: table.schema,
      table: table.table,
      columns: table.columns,
      // PostgreSQL says -1 until the table is first analysed: no estimate rather than a wrong one.
      ...(table.rowEstimate >= 0 ? { rowEstimate: table.rowEstimate } : {}),
      ...(options.simulated ? { simulated: true } : {}),
    },
    relations: { database: database.id },
  };
}
