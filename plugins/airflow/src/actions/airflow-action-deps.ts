import type { ActionContext, ActionRunnerService, Entity } from '@portico/plugin-api';
import type { AirflowConnection } from '../airflow/airflow-connection';
import type { AirflowConfig } from '../config/airflow-config';
import type { PostgresConnection } from '../postgres/postgres-connection';

/** What the plugin's actions share. */
export interface AirflowActionDeps {
  config: AirflowConfig;
  airflow: AirflowConnection;
  postgres: PostgresConnection;
  actionRunner: Pick<ActionRunnerService, 'getRun'>;
}

/** In the demo, every run says once that nothing real changes. */
export function noteSimulated(ctx: ActionContext<unknown>, config: AirflowConfig, what: 'airflow' | 'database'): void {
  if (!config.simulated) return;
  ctx.logger.warn(
    what === 'airflow'
      ? 'Airflow is SIMULATED in this portal (airflow.simulated: true): this run changes nothing real.'
      : 'This database is the EMBEDDED SAMPLE of the demo (airflow.simulated: true): this change runs against it only, never against a real database.',
  );
}

/** The Airflow instance and DAG id of a DAG entity. */
export function dagTarget(entity: Entity | null): { instance: string; dagId: string; entity: Entity } {
  if (!entity || entity.kind !== 'dag') throw new Error('This action runs on a DAG; pick one.');
  const { instance, dagId } = entity.properties;
  if (typeof instance !== 'string' || typeof dagId !== 'string') throw new Error(`DAG ${entity.id} has no Airflow instance or DAG id; it was not synced from Airflow.`);
  return { instance, dagId, entity };
}

/** The database, schema and table of a Table entity. */
export function tableTarget(entity: Entity | null): { database: string; schema: string; table: string; entity: Entity } {
  if (!entity || entity.kind !== 'table') throw new Error('This action runs on a table; pick one.');
  const { database, schema, table } = entity.properties;
  if (typeof database !== 'string' || typeof schema !== 'string' || typeof table !== 'string') throw new Error(`Table ${entity.id} has no database, schema or table name; it was not read from a database.`);
  return { database, schema, table, entity };
}

/** Waits `ms`, or less when the run is cancelled. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}
