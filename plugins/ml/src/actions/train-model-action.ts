import type { ActionContext, ActionDefinition } from '@portico/plugin-api';
import { mlEntityId } from '../ingestion/entity-ids';
import { experimentEntity, modelEntity, modelVersionEntity, runEntity, versionSummary } from '../ingestion/mlflow-entities';
import { jobInputSchema } from '../jobs/job-input-schema';
import { pickTemplate, runJob, type JobInputs } from '../jobs/run-job';
import type { MlflowApi } from '../mlflow/mlflow-api';
import { filterValue } from '../mlflow/mlflow-client';
import type { MlflowRun } from '../mlflow/mlflow-types';
import { noteSimulated, type MlActionDeps } from './ml-action-deps';

/** Records the MLflow run, and the model versions it registered, in the catalog. */
async function recordOutputs(ctx: ActionContext<unknown>, deps: MlActionDeps, mlflow: MlflowApi, run: MlflowRun, experiment: string): Promise<string[]> {
  const e = await mlflow.getExperimentByName(experiment);
  const experimentId = mlEntityId(experiment);
  const owner = (await ctx.catalog.get({ kind: 'ml-experiment', id: experimentId }))?.owner ?? deps.config.defaultOwner;
  if (e && !(await ctx.catalog.get({ kind: 'ml-experiment', id: experimentId }))) await ctx.catalog.upsert(experimentEntity(mlflow, e, 1, owner));
  await ctx.catalog.upsert(runEntity(mlflow, run, experimentId, owner));
  const versions = await mlflow.searchModelVersions(`run_id = ${filterValue(run.runId)}`);
  const recorded: string[] = [];
  for (const v of versions) {
    const registered = await mlflow.getRegisteredModel(v.name);
    const all = await mlflow.searchModelVersions(`name = ${filterValue(v.name)}`);
    const existing = await ctx.catalog.get({ kind: 'ml-model', id: mlEntityId(v.name) });
    const summaries = all.map((x) => versionSummary(x, x.version === v.version ? run.metrics : (((existing?.properties.versions as Array<{ version: string; metrics: Record<string, number> }>) ?? []).find((s) => s.version === x.version)?.metrics ?? {})));
    const model = await ctx.catalog.upsert(modelEntity(mlflow, registered, summaries, existing?.owner ?? deps.config.defaultOwner));
    const stored = await ctx.catalog.upsert(modelVersionEntity(mlflow, v, run.metrics, model.owner ?? undefined, true));
    ctx.logger.info(`Model version ${v.name} v${v.version} registered (${v.status}) from MLflow run ${run.runId}`);
    ctx.addLink({ title: `${v.name} v${v.version}`, url: mlflow.modelUrl(v.name, v.version) });
    recorded.push(stored.id);
  }
  return recorded;
}

/** Train model: a Job from a training template, followed to its end, its MLflow run and model version recorded. */
export function trainModelAction(deps: MlActionDeps): ActionDefinition<JobInputs> {
  const templates = deps.config.training;
  return {
    id: 'ml.train-model',
    title: 'Train a model',
    description: 'Runs a training Job from a template with the parameters and resources you give, streams the metrics of its MLflow run into the log, and records the model version it registers.',
    icon: 'model_training',
    operation: 'create',
    permission: 'ml.train',
    timeoutMs: deps.config.jobTimeoutMs + 10 * 60 * 1000,
    inputSchema: jobInputSchema(templates, {}, []),
    invocation: {
      type: 'handler',
      async handler(ctx) {
        noteSimulated(ctx, deps.config);
        const template = pickTemplate(templates, ctx.inputs.template, 'training');
        const outcome = await runJob(ctx, deps, template, 'ml-train', template.model ? { PORTICO_REGISTERED_MODEL: template.model } : {});
        const mlflow = template.experiment && deps.config.mlflow ? deps.mlflow() : null;
        const versions = outcome.mlflowRun && mlflow ? await recordOutputs(ctx, deps, mlflow, outcome.mlflowRun, template.experiment!) : [];
        ctx.setOutput('modelVersions', versions);
        if (outcome.state.phase === 'failed') {
          throw new Error(`Training Job ${outcome.job} failed (${outcome.state.message})${outcome.mlflowRun ? `; its MLflow run ${outcome.mlflowRun.runId} is ${outcome.mlflowRun.status}` : '; it created no MLflow run'}. See the Job's logs in the cluster (kubectl logs job/${outcome.job} -n ${template.namespace}).`);
        }
        if (mlflow && !outcome.mlflowRun) throw new Error(`Job ${outcome.job} succeeded but no MLflow run of experiment ${template.experiment} carries the tag portico_run_id=${ctx.runId}; the training code must set it (see docs/plugins/ml.md).`);
        if (template.model && versions.length === 0) throw new Error(`Job ${outcome.job} succeeded but registered no version of ${template.model} from MLflow run ${outcome.mlflowRun?.runId}; the training code must register it (mlflow.register_model).`);
      },
    },
  };
}
