import type { ActionDefinition } from '@portico/plugin-api';
import { dagRunEntity } from '../ingestion/dag-entities';
import { noteSimulated, type AirflowActionDeps } from './airflow-action-deps';
import { followRun } from './run-dag-action';

interface ClearInputs {
  dryRun?: boolean;
  follow?: boolean;
}

/** Clears the failed tasks of a DAG run so Airflow runs them again, and follows the run. */
export function clearFailedTasksAction(deps: AirflowActionDeps): ActionDefinition<ClearInputs> {
  return {
    id: 'airflow.clear-failed-tasks',
    title: 'Clear failed tasks',
    description: 'Clears the failed (and upstream-failed) tasks of this run so Airflow runs them again, then follows the run.',
    icon: 'replay',
    kind: 'dag-run',
    operation: 'day-2',
    timeoutMs: deps.config.followTimeoutMs,
    permission: 'airflow.dag.manage',
    condition: { combinator: 'and', rules: [{ property: 'state', operator: '=', value: 'failed' }] },
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        dryRun: { type: 'boolean', title: 'Dry run', default: false, description: 'List the tasks that would be cleared; clear nothing.' },
        follow: { type: 'boolean', title: 'Follow the run to its end', default: true },
      },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        noteSimulated(ctx, deps.config, 'airflow');
        const entity = ctx.entity;
        if (!entity || entity.kind !== 'dag-run') throw new Error('This action runs on a DAG run; pick one.');
        const { instance, dagId, runId } = entity.properties as { instance: string; dagId: string; runId: string };
        const api = deps.airflow(instance);
        const cleared = await api.clearFailedTasks(dagId, runId, ctx.inputs.dryRun ?? false);
        ctx.setOutput('tasks', cleared);
        if (cleared.length === 0) throw new Error(`Run ${runId} of ${dagId} has no failed tasks to clear.`);
        ctx.logger.info(`${ctx.inputs.dryRun ? 'Would clear' : 'Cleared'} ${cleared.length} task${cleared.length === 1 ? '' : 's'} of run ${runId}: ${cleared.join(', ')}`);
        ctx.addLink({ title: `Airflow run ${runId}`, url: api.runUrl(dagId, runId) });
        if (ctx.inputs.dryRun || ctx.inputs.follow === false) return;
        const { run, tasks } = await followRun(ctx, api, dagId, runId, deps.config.followIntervalMs);
        await ctx.catalog.upsert(dagRunEntity(api, instance, run, tasks, entity.owner));
        if (run.state === 'failed') throw new Error(`Run ${runId} failed again after clearing: tasks ${tasks.filter((t) => t.state === 'failed').map((t) => t.taskId).join(', ')} failed.`);
        ctx.logger.info(`Run ${runId} is now ${run.state}.`);
      },
    },
  };
}
