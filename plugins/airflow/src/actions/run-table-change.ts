import type { ActionContext } from '@portico/plugin-api';
import { databaseConfig } from '../config/airflow-config';
import { tableEntity } from '../ingestion/table-entities';
import type { DdlChange } from '../postgres/ddl-change';
import { executeChange } from '../postgres/execute-change';
import { planChange, type ChangePlan } from '../postgres/plan-change';
import { readTable } from '../postgres/read-tables';
import { noteSimulated, tableTarget, type AirflowActionDeps } from './airflow-action-deps';

/** Inputs every table change takes. */
export interface ChangeOptions {
  dryRun?: boolean;
  lockTimeoutMs?: number;
}

export const changeOptionsSchema = {
  dryRun: { type: 'boolean', title: 'Dry run', default: false, description: 'Run the change in a transaction that is rolled back: see the SQL and the rows it would touch, change nothing.' },
  lockTimeoutMs: { type: 'integer', title: 'Lock timeout (ms)', minimum: 1, maximum: 600_000, description: "How long to wait for the table's lock before giving up (default from the plugin's config)." },
} as const;

/** Checks the change against the table as it is now and returns the statements it would run, running nothing. */
export async function planTableChange(ctx: ActionContext<unknown>, deps: AirflowActionDeps, change: DdlChange): Promise<ChangePlan> {
  const target = tableTarget(ctx.entity);
  databaseConfig(deps.config, target.database);
  return deps.postgres.withClient(target.database, (client) => planChange(client, target, change));
}

/**
 * Plans and runs a change of the run's table: the exact SQL goes to the run log and the run's
 * outputs; a dry run rolls back; on success the Table entity (and a duplicate's new one) is
 * read again from PostgreSQL. A refusal or PostgreSQL's error fails the run with its message.
 */
export async function runTableChange(ctx: ActionContext<unknown>, deps: AirflowActionDeps, change: DdlChange, options: ChangeOptions): Promise<void> {
  noteSimulated(ctx, deps.config, 'database');
  const target = tableTarget(ctx.entity);
  const database = databaseConfig(deps.config, target.database);
  const dryRun = options.dryRun ?? false;
  await deps.postgres.withClient(database.id, async (client) => {
    const plan = await planChange(client, target, change);
    const outcome = await executeChange(client, plan, {
      dryRun,
      lockTimeoutMs: options.lockTimeoutMs ?? deps.config.lockTimeoutMs,
      statementTimeoutMs: deps.config.statementTimeoutMs,
      log: (line) => ctx.logger.info(line),
    });
    ctx.setOutput('statements', outcome.statements.map((s) => `${s.sql};`));
    ctx.setOutput('rowsAffected', outcome.statements.map((s) => s.rows));
    ctx.setOutput('dryRun', dryRun);
    if (!outcome.committed) return;
    ctx.logger.info(`Committed: ${plan.statements.length} statement${plan.statements.length === 1 ? '' : 's'} applied to ${target.schema}.${target.table}.`);
    const refreshed = await readTable(client, target.schema, target.table);
    if (refreshed) await ctx.catalog.upsert({ ...tableEntity(database, refreshed, { owner: target.entity.owner, simulated: deps.config.simulated }), ...(target.entity.description ? { description: target.entity.description } : {}) });
    if (change.op === 'duplicate-table') {
      const copy = await readTable(client, change.targetSchema, change.targetTable);
      // The sync would delete a Table of a schema it does not read, so such a copy stays out of the catalog.
      if (copy && database.schemas && !database.schemas.includes(change.targetSchema)) {
        ctx.logger.info(`The copy is not cataloged: schema ${change.targetSchema} is not among the schemas the portal reads from database "${database.id}" (${database.schemas.join(', ')}).`);
      } else if (copy) {
        const entity = await ctx.catalog.upsert(tableEntity(database, copy, { owner: target.entity.owner, simulated: deps.config.simulated }));
        ctx.setOutput('table', entity.id);
      }
    }
  });
}
