import type { ActionContext, ActionDefinition } from '@portico/plugin-api';
import { AirflowApiError } from '../airflow/airflow-api-error';
import type { AirflowApi } from '../airflow/airflow-api';
import type { AirflowDagRun, AirflowTaskInstance } from '../airflow/airflow-types';
import { dagRunEntity, gridRun } from '../ingestion/dag-entities';
import { dagTarget, noteSimulated, pause, type AirflowActionDeps } from './airflow-action-deps';
import { confProblems } from './validate-conf';

interface RunDagInputs {
  conf?: Record<string, unknown> | string;
  note?: string;
  follow?: boolean;
}

const TERMINAL = new Set(['success', 'failed']);

/** The conf as an object: given as one, or as JSON text of one. */
function confObject(conf: Record<string, unknown> | string | undefined): Record<string, unknown> {
  if (conf === undefined || conf === '') return {};
  if (typeof conf !== 'string') return conf;
  let parsed: unknown;
  try {
    parsed = JSON.parse(conf);
  } catch (error) {
    throw new Error(`The conf is not valid JSON (${(error as Error).message}); give a JSON object such as {"date": "2026-12-01"}. Nothing was triggered.`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('The conf must be a JSON object, such as {"date": "2026-12-01"}. Nothing was triggered.');
  return parsed as Record<string, unknown>;
}

/** Logs each task whose state changed since the last read, and returns the new states. */
function logTaskChanges(ctx: ActionContext<unknown>, tasks: AirflowTaskInstance[], seen: Map<string, string | null>): void {
  for (const task of tasks) {
    if (seen.get(task.taskId) === task.state && seen.has(task.taskId)) continue;
    seen.set(task.taskId, task.state);
    if (task.state !== null) ctx.logger.info(`task ${task.taskId}: ${task.state}${task.tryNumber > 1 ? ` (try ${task.tryNumber})` : ''}`);
  }
}

/** Reads the run until it ends, streaming task states into the run log. */
export async function followRun(ctx: ActionContext<unknown>, api: AirflowApi, dagId: string, runId: string, intervalMs: number): Promise<{ run: AirflowDagRun; tasks: AirflowTaskInstance[] }> {
  const seen = new Map<string, string | null>();
  let state = '';
  for (;;) {
    const run = await api.getDagRun(dagId, runId);
    const tasks = await api.listTaskInstances(dagId, runId);
    if (run.state !== state) ctx.logger.info(`DAG run ${runId}: ${(state = run.state)}`);
    logTaskChanges(ctx, tasks, seen);
    const done = tasks.filter((t) => t.state && ['success', 'failed', 'skipped', 'upstream_failed', 'removed'].includes(t.state)).length;
    if (tasks.length > 0) ctx.setProgress(Math.round((100 * done) / tasks.length));
    if (TERMINAL.has(run.state) || ctx.signal.aborted) return { run, tasks };
    await pause(intervalMs, ctx.signal);
  }
}

/** The last lines of each failed task's log, so the run says why without opening Airflow. */
async function logFailures(ctx: ActionContext<unknown>, api: AirflowApi, run: AirflowDagRun, tasks: AirflowTaskInstance[]): Promise<string[]> {
  const failed = tasks.filter((t) => t.state === 'failed');
  for (const task of failed) {
    try {
      const log = await api.getTaskLog(run.dagId, run.runId, task.taskId, Math.max(1, task.tryNumber));
      ctx.logger.error(`Log of ${task.taskId} (try ${Math.max(1, task.tryNumber)}), last lines:\n${log.split('\n').slice(-20).join('\n')}`);
    } catch (error) {
      ctx.logger.warn(`Could not read the log of ${task.taskId}: ${(error as Error).message}`);
    }
  }
  return failed.map((t) => t.taskId);
}

export function runDagAction(deps: AirflowActionDeps): ActionDefinition<RunDagInputs> {
  return {
    id: 'airflow.run-dag',
    title: 'Run DAG',
    description: 'Triggers a run of this DAG with a conf (checked against the DAG\'s conf schema) and follows it to the end, task by task.',
    icon: 'play_arrow',
    kind: 'dag',
    operation: 'day-2',
    timeoutMs: deps.config.followTimeoutMs,
    permission: 'airflow.dag.run',
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        // An object; a JSON text is accepted too. `string` comes first so the portal's form renders
        // the plugin's conf field (form widgets replace only fields of a simple type).
        conf: { type: ['string', 'object'], title: 'Conf', description: "The run's parameters, a JSON object; the DAG's conf schema says which.", 'x-portico-widget': 'airflow.dag-conf' },
        note: { type: 'string', title: 'Note', maxLength: 1000 },
        follow: { type: 'boolean', title: 'Follow the run to its end', default: true },
      },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        noteSimulated(ctx, deps.config, 'airflow');
        const { instance, dagId, entity } = dagTarget(ctx.entity);
        const conf = confObject(ctx.inputs.conf);
        const problems = confProblems(entity.properties.confSchema as Record<string, unknown> | undefined, conf);
        if (problems.length > 0) throw new Error(`The conf does not match the conf schema of DAG ${dagId}: ${problems.join('; ')}. Nothing was triggered.`);
        const api = deps.airflow(instance);
        // Our run id as Airflow's: a retried attempt finds its run (409) instead of starting a second.
        const runId = `portico__${ctx.runId}`;
        let run: AirflowDagRun;
        try {
          run = await api.triggerDagRun(dagId, { conf, runId, note: ctx.inputs.note ?? `Started from Portico by ${ctx.actor}` });
          ctx.logger.info(`Triggered DAG ${dagId} on Airflow "${instance}": run ${run.runId} (${run.state}), conf ${JSON.stringify(conf)}`);
        } catch (error) {
          if (!(error instanceof AirflowApiError && error.status === 409)) throw error;
          // Our run id is taken: by an earlier attempt of this run (follow it), or by nothing we can read (Airflow's 409 stands).
          const existing = await api.getDagRun(dagId, runId).catch(() => null);
          if (!existing) throw error;
          run = existing;
          ctx.logger.info(`Run ${runId} already exists (an earlier attempt started it); following it.`);
        }
        ctx.addLink({ title: `Airflow run ${run.runId}`, url: api.runUrl(dagId, run.runId) });
        ctx.setOutput('dagRunId', run.runId);
        if (ctx.inputs.follow === false) {
          await ctx.catalog.upsert(dagRunEntity(api, instance, run, [], entity.owner));
          return;
        }
        const { run: final, tasks } = await followRun(ctx, api, dagId, run.runId, deps.config.followIntervalMs);
        const stored = await ctx.catalog.upsert(dagRunEntity(api, instance, final, tasks, entity.owner));
        ctx.setOutput('dagRun', stored.id);
        ctx.setOutput('state', final.state);
        const current = await ctx.catalog.get({ kind: 'dag', id: entity.id });
        if (current) {
          const recent = ((current.properties.recentRuns as unknown[]) ?? []).filter((r) => (r as { runId: string }).runId !== final.runId);
          await ctx.catalog.upsert({ ...current, properties: { ...current.properties, lastRunState: final.state, lastRunAt: final.startDate, recentRuns: [gridRun(api, final, tasks), ...recent].slice(0, deps.config.recentRuns) } });
        }
        if (final.state === 'failed') {
          const failed = await logFailures(ctx, api, final, tasks);
          throw new Error(`DAG run ${final.runId} of ${dagId} failed${failed.length ? `: task${failed.length === 1 ? '' : 's'} ${failed.join(', ')} failed` : ''}. See the task logs above, fix, then use "Clear failed tasks" on the run.`);
        }
        if (final.state !== 'success') throw new Error(`Stopped following DAG run ${final.runId} while it was ${final.state}: the run was cancelled. It goes on in Airflow.`);
        ctx.logger.info(`DAG run ${final.runId} succeeded.`);
      },
    },
  };
}
