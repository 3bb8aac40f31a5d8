import type { ActionContext, ActionDefinition } from '@portico/plugin-api';
import { dagTarget, noteSimulated, type AirflowActionDeps } from './airflow-action-deps';

async function setPaused(ctx: ActionContext<Record<string, never>>, deps: AirflowActionDeps, paused: boolean): Promise<void> {
  noteSimulated(ctx, deps.config, 'airflow');
  const { instance, dagId, entity } = dagTarget(ctx.entity);
  const dag = await deps.airflow(instance).setPaused(dagId, paused);
  ctx.logger.info(`DAG ${dagId} on Airflow "${instance}" is now ${dag.isPaused ? 'paused: the scheduler starts no new runs' : 'active: the scheduler runs it on its schedule'}.`);
  await ctx.catalog.upsert({ ...entity, properties: { ...entity.properties, isPaused: dag.isPaused, nextRunAt: dag.nextRunAt } });
  ctx.setOutput('isPaused', dag.isPaused);
}

const noInputs = { type: 'object', additionalProperties: false, properties: {} } as const;

export function pauseDagAction(deps: AirflowActionDeps): ActionDefinition<Record<string, never>> {
  return {
    id: 'airflow.pause-dag',
    title: 'Pause DAG',
    description: 'Stops the scheduler from starting new runs of this DAG; running ones finish.',
    icon: 'pause',
    kind: 'dag',
    operation: 'day-2',
    permission: 'airflow.dag.manage',
    condition: { combinator: 'and', rules: [{ property: 'isPaused', operator: '=', value: false }] },
    inputSchema: noInputs,
    invocation: { type: 'handler', handler: (ctx) => setPaused(ctx, deps, true) },
  };
}

export function unpauseDagAction(deps: AirflowActionDeps): ActionDefinition<Record<string, never>> {
  return {
    id: 'airflow.unpause-dag',
    title: 'Unpause DAG',
    description: 'Lets the scheduler run this DAG on its schedule again.',
    icon: 'play_circle',
    kind: 'dag',
    operation: 'day-2',
    permission: 'airflow.dag.manage',
    condition: { combinator: 'and', rules: [{ property: 'isPaused', operator: '=', value: true }] },
    inputSchema: noInputs,
    invocation: { type: 'handler', handler: (ctx) => setPaused(ctx, deps, false) },
  };
}
