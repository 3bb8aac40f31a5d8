import type { CatalogService, EntityInput, EntityProvider, EntityProviderContext } from '@portico/plugin-api';
import type { AirflowConfig } from '../config/airflow-config';
import type { PostgresConnection } from '../postgres/postgres-connection';
import { readTables } from '../postgres/read-tables';
import { existingIds, storedEntities } from './stored-entities';
import { tableEntityId } from './entity-ids';
import { tableEntity } from './table-entities';

export interface TablesProviderDeps {
  config: AirflowConfig;
  postgres: PostgresConnection;
  catalog: Pick<CatalogService, 'get' | 'query'>;
  /** Called after each pass, whatever its outcome (the DAG sync waits for the first to link DAGs to tables). */
  onPass?(): void;
}

/**
 * Every configured database and its tables with their columns, read from information_schema
 * and pg_class. A database that cannot be reached is logged and its entities kept; tables that
 * are gone from a database that answered are deleted. An owner set on a Table by people stays.
 */
export function tablesProvider(deps: TablesProviderDeps): EntityProvider {
  return {
    id: 'airflow.tables',
    everyMs: deps.config.syncIntervalMs,
    async refresh(ctx) {
      try {
        await syncDatabases(deps, ctx);
      } finally {
        deps.onPass?.();
      }
    },
  };
}

async function syncDatabases(deps: TablesProviderDeps, ctx: EntityProviderContext): Promise<void> {
  const failures: string[] = [];
  for (const database of deps.config.databases) {
    if (ctx.signal.aborted) return;
    try {
      const { tables, version } = await deps.postgres.withClient(database.id, async (client) => ({
        tables: await readTables(client, database.schemas ? { schemas: database.schemas } : {}),
        version: (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? '',
      }));
      const where = await deps.postgres.describe(database.id);
      const owner = database.owner && (await existingIds(deps.catalog, 'team', [database.owner])).has(database.owner) ? database.owner : undefined;
      const stored = await storedEntities(deps.catalog, 'table', 'database', database.id);
      const upsert: EntityInput[] = [
        {
          kind: 'database',
          id: database.id,
          title: database.title ?? database.id,
          ...(owner ? { owner } : {}),
          properties: { engine: 'postgresql', databaseName: where.databaseName, host: where.host, serverVersion: version, tableCount: tables.length, ...(deps.config.simulated ? { simulated: true } : {}) },
        },
      ];
      for (const table of tables) {
        const id = tableEntityId(database.id, table.schema, table.table);
        upsert.push(tableEntity(database, table, { owner: stored.get(id)?.owner ?? owner, simulated: deps.config.simulated }));
      }
      const ids = new Set(upsert.map((e) => e.id));
      await ctx.apply({ upsert, delete: [...stored.keys()].filter((id) => !ids.has(id)).map((id) => ({ kind: 'table', id })) });
      ctx.logger.info(`Database "${database.id}": ${tables.length} tables`);
    } catch (error) {
      failures.push(database.id);
      ctx.logger.error(`Reading the tables of database "${database.id}" failed; its entities are kept and the other databases go on: ${(error as Error).message}`, { database: database.id });
    }
  }
  if (failures.length > 0 && failures.length === deps.config.databases.length) throw new Error(`Reading tables failed for every database (${failures.join(', ')}); see the log lines above.`);
}
