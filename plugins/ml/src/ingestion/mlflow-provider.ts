import type { CatalogService, EntityInput, EntityProvider, EntityProviderContext, EntityRef } from '@portico/plugin-api';
import type { MlConfig } from '../config/ml-config';
import type { MlflowConnection } from '../mlflow/mlflow-connection';
import { filterValue } from '../mlflow/mlflow-client';
import { experimentEntity, modelEntity, modelVersionEntity, OWNER_TAG, runEntity, versionSummary } from './mlflow-entities';
import { storedIds, teamResolver } from './stored-ids';

export interface MlflowProviderDeps {
  config: MlConfig;
  mlflow: MlflowConnection;
  catalog: Pick<CatalogService, 'get' | 'query'>;
  /** Called after each pass, failed or not, so the serving sync can wait for the models it links to. */
  onPass?(): void;
}

/**
 * Experiments with their recent runs, and registered models with every version and its aliases.
 * A version's metrics are its source run's. Models and versions MLflow no longer lists are deleted;
 * runs stay (a training run is a record).
 */
export function mlflowProvider(deps: MlflowProviderDeps): EntityProvider {
  return {
    id: 'ml.mlflow',
    everyMs: deps.config.syncIntervalMs,
    async refresh(ctx) {
      try {
        await sync(deps, ctx);
      } finally {
        deps.onPass?.();
      }
    },
  };
}

async function sync(deps: MlflowProviderDeps, ctx: EntityProviderContext): Promise<void> {
  if (!deps.config.mlflow && !deps.config.simulated) return;
  const api = deps.mlflow();
  const team = teamResolver(deps.catalog, deps.config.defaultOwner);
  const upsert: EntityInput[] = [];
  const runs = new Map<string, { metrics: Record<string, number> }>();
  const experiments = await api.searchExperiments();
  for (const e of experiments) {
    if (ctx.signal.aborted) return;
    const recent = await api.searchRuns([e.experimentId], { maxResults: deps.config.recentRuns });
    const owner = await team(e.tags[OWNER_TAG]);
    const experiment = experimentEntity(api, e, recent.length, owner);
    upsert.push(experiment);
    for (const run of recent) {
      runs.set(run.runId, run);
      upsert.push(runEntity(api, run, experiment.id, owner));
    }
  }
  const models = await api.searchRegisteredModels();
  const keep = new Set<string>();
  for (const m of models) {
    if (ctx.signal.aborted) return;
    const versions = await api.searchModelVersions(`name = ${filterValue(m.name)}`);
    const owner = await team(m.tags[OWNER_TAG]);
    const metricsOf = async (runId: string | null): Promise<Record<string, number>> => {
      if (!runId) return {};
      if (!runs.has(runId)) runs.set(runId, await api.getRun(runId).catch(() => ({ metrics: {} })));
      return runs.get(runId)!.metrics;
    };
    const summaries = [];
    for (const v of versions) {
      const metrics = await metricsOf(v.runId);
      summaries.push(versionSummary(v, metrics));
      const inCatalog = Boolean(v.runId && (upsert.some((e) => e.kind === 'ml-training-run' && e.id === v.runId!.toLowerCase()) || (await deps.catalog.get({ kind: 'ml-training-run', id: v.runId.toLowerCase() }))));
      const entity = modelVersionEntity(api, v, metrics, owner, inCatalog);
      keep.add(`ml-model-version:${entity.id}`);
      upsert.push(entity);
    }
    const model = modelEntity(api, m, summaries, owner);
    keep.add(`ml-model:${model.id}`);
    // Models before their versions: a version's relation must point at a stored model.
    upsert.splice(upsert.length - versions.length, 0, model);
  }
  const remove: EntityRef[] = [];
  for (const kind of ['ml-model-version', 'ml-model']) for (const id of await storedIds(deps.catalog, kind)) if (!keep.has(`${kind}:${id}`)) remove.push({ kind, id });
  await ctx.apply({ upsert, delete: remove });
  ctx.logger.info(`MLflow: ${experiments.length} experiments, ${upsert.filter((e) => e.kind === 'ml-training-run').length} recent runs, ${models.length} models, ${keep.size - models.length} versions`);
}
