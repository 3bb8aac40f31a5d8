import { createHash } from 'node:crypto';
import type { ActionContext } from '@portico/plugin-api';
import type { JobTemplate } from '../config/ml-config';
import { pause, type MlActionDeps } from '../actions/ml-action-deps';
import { RUN_TAG } from '../ingestion/mlflow-entities';
import { KubernetesApiError } from '../kubernetes/kubernetes-api-error';
import type { JobState } from '../kubernetes/ml-kubernetes-api';
import { filterValue } from '../mlflow/mlflow-client';
import type { MlflowRun } from '../mlflow/mlflow-types';
import { parameterProblems } from './parameter-problems';

export interface JobInputs {
  template?: string;
  parameters?: Record<string, unknown>;
  cpu?: string;
  memory?: string;
  gpu?: number;
}

export interface JobOutcome {
  job: string;
  state: JobState;
  /** The MLflow run the Job created (tagged with this run's id), when one was found. */
  mlflowRun: MlflowRun | null;
}

/** The template a run asked for: named, or the only one configured. */
export function pickTemplate(templates: JobTemplate[], id: string | undefined, what: string): JobTemplate {
  const found = id ? templates.find((t) => t.id === id) : templates.length === 1 ? templates[0] : undefined;
  if (!found) throw new Error(id ? `No ${what} template "${id}" is configured; the templates are: ${templates.map((t) => t.id).join(', ') || 'none'}.` : `Pick a ${what} template: ${templates.map((t) => t.id).join(', ') || 'none is configured (ml.' + (what === 'training' ? 'training' : 'preprocessing') + ')'}.`);
  return found;
}

/** The Job's name: derived from the run id, so a retried attempt finds its Job instead of starting a second. */
function jobName(prefix: string, runId: string): string {
  return `${prefix}-${createHash('sha256').update(runId).digest('hex').slice(0, 12)}`;
}

function label(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9._-]/g, '-').slice(0, 63).replace(/[^a-z0-9]+$/, '');
}

/** Logs each metric whose value changed since the last read. */
function logMetrics(ctx: ActionContext<unknown>, run: MlflowRun, seen: Map<string, number>): void {
  const changed = Object.entries(run.metrics).filter(([k, v]) => seen.get(k) !== v);
  for (const [k, v] of changed) seen.set(k, v);
  if (changed.length) ctx.logger.info(`metrics: ${changed.map(([k, v]) => `${k}=${v}`).join(', ')}`);
}

/**
 * Starts a Job from a template (parameters checked against its schema, each passed as
 * `--name=value`) and follows it to the end, streaming the metrics of the MLflow run it creates
 * (found by the tag `portico_run_id`) into the run log.
 */
export async function runJob(ctx: ActionContext<JobInputs>, deps: MlActionDeps, template: JobTemplate, prefix: string, env: Record<string, string>): Promise<JobOutcome> {
  const parameters = ctx.inputs.parameters ?? {};
  const problems = parameterProblems(template.parameters, parameters);
  if (problems.length) throw new Error(`The parameters do not fit template ${template.id}: ${problems.join('; ')}. Nothing was started.`);
  const api = await deps.kubernetes(template.cluster);
  const name = jobName(prefix, ctx.runId);
  const tracking = deps.config.mlflow?.baseUrl;
  try {
    await api.createJob({
      namespace: template.namespace,
      name,
      image: template.image,
      command: template.command,
      args: Object.entries(parameters).map(([k, v]) => `--${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`),
      env: { PORTICO_RUN_ID: ctx.runId, ...(tracking ? { MLFLOW_TRACKING_URI: tracking } : {}), ...(template.experiment ? { MLFLOW_EXPERIMENT_NAME: template.experiment } : {}), ...env },
      labels: { 'app.kubernetes.io/managed-by': 'portico', 'portico.io/run-id': label(ctx.runId), 'portico.io/template': label(template.id) },
      cpu: ctx.inputs.cpu ?? template.cpu,
      memory: ctx.inputs.memory ?? template.memory,
      gpu: ctx.inputs.gpu ?? template.gpu,
      ...(template.serviceAccountName ? { serviceAccountName: template.serviceAccountName } : {}),
    });
    ctx.logger.info(`Started Job ${template.namespace}/${name} on cluster "${template.cluster}" (${template.image}, ${ctx.inputs.cpu ?? template.cpu} CPU, ${ctx.inputs.memory ?? template.memory}${(ctx.inputs.gpu ?? template.gpu) > 0 ? `, ${ctx.inputs.gpu ?? template.gpu} GPU` : ''})`);
  } catch (error) {
    if (!(error instanceof KubernetesApiError && error.status === 409)) throw error;
    ctx.logger.info(`Job ${name} exists already (an earlier attempt of this run started it); following it.`);
  }
  ctx.setOutput('job', name);
  const mlflow = template.experiment && deps.config.mlflow ? deps.mlflow() : null;
  const deadline = Date.now() + deps.config.jobTimeoutMs;
  const seen = new Map<string, number>();
  let experimentId: string | null = null;
  let mlflowRun: MlflowRun | null = null;
  for (;;) {
    const state = await api.getJob(template.namespace, name);
    if (!state) throw new Error(`Job ${template.namespace}/${name} disappeared from cluster "${template.cluster}" before it ended (deleted by someone?).`);
    if (mlflow) {
      experimentId ??= (await mlflow.getExperimentByName(template.experiment!))?.experimentId ?? null;
      if (experimentId) {
        const found = (await mlflow.searchRuns([experimentId], { filter: `tags.${RUN_TAG} = ${filterValue(ctx.runId)}`, maxResults: 1 }))[0];
        if (found && !mlflowRun) {
          ctx.logger.info(`MLflow run ${found.runId} (${found.runName ?? 'unnamed'}) is this Job's`);
          ctx.addLink({ title: `MLflow run ${found.runName ?? found.runId}`, url: mlflow.runUrl(experimentId, found.runId) });
          ctx.setOutput('mlflowRunId', found.runId);
        }
        if (found) logMetrics(ctx, (mlflowRun = found), seen);
      }
    }
    if (state.phase !== 'active') {
      ctx.logger.info(`Job ${name}: ${state.phase}${state.message ? ` (${state.message})` : ''}`);
      const final = mlflowRun && mlflow ? await mlflow.getRun(mlflowRun.runId) : mlflowRun;
      if (final) logMetrics(ctx, final, seen);
      return { job: name, state, mlflowRun: final };
    }
    if (Date.now() > deadline || ctx.signal.aborted) throw new Error(`Stopped following Job ${name} after ${Math.round(deps.config.jobTimeoutMs / 60000)} min while it was still running; it goes on in the cluster.`);
    await pause(deps.config.pollMs, ctx.signal);
  }
}
