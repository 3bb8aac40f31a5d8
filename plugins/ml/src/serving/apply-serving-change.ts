import type { ActionContext, Entity } from '@portico/plugin-api';
import type { MlActionDeps } from '../actions/ml-action-deps';
import { pause } from '../actions/ml-action-deps';
import { mlEntityId, modelVersionId } from '../ingestion/entity-ids';
import type { InferenceServiceInfo, MlKubernetesApi, PredictorSpec } from '../kubernetes/ml-kubernetes-api';
import { MlflowApiError } from '../mlflow/mlflow-api-error';
import { ANNOTATIONS, endpointEntity, endpointState, MANAGED_BY } from './endpoint-state';
import { describeChange, type ServingChange } from './serving-change';

/** Where an endpoint is served. */
export interface EndpointLocation {
  environment: string;
  cluster: string;
  namespace: string;
  name: string;
}

/** KServe's model format for MLflow models, unless the registered model's tag `portico.model_format` names another. */
const DEFAULT_FORMAT = 'mlflow';

interface Plan {
  predictor: Partial<PredictorSpec>;
  annotations: Record<string, string | null>;
  setAliases: Array<[alias: string, version: string]>;
  deleteAliases: string[];
}

/** The artifacts of a version of `model`, or a failure saying the version does not exist or is not ready. */
async function storageUriOf(deps: MlActionDeps, model: string, version: string): Promise<string> {
  let found;
  try {
    found = await deps.mlflow().getModelVersion(model, version);
  } catch (error) {
    if (error instanceof MlflowApiError && error.status === 404) throw new Error(`Model ${model} has no version ${version} in MLflow; pick one of its versions on the model's page. Nothing was changed.`);
    throw error;
  }
  if (found.status !== 'READY') throw new Error(`Version ${version} of ${model} is ${found.status} in MLflow, not READY; wait for its registration to finish. Nothing was changed.`);
  if (!found.source) throw new Error(`Version ${version} of ${model} has no artifact source in MLflow, so there is nothing to serve. Nothing was changed.`);
  return found.source;
}

function need<T>(value: T | null | undefined, why: string): T {
  if (value === null || value === undefined) throw new Error(`${why} Nothing was changed.`);
  return value;
}

async function plan(deps: MlActionDeps, model: string, current: InferenceServiceInfo | null, change: ServingChange): Promise<Plan> {
  const state = current ? endpointState(current) : null;
  const champion = state?.champion ?? null;
  const challenger = state?.challenger ?? null;
  switch (change.op) {
    case 'deploy': {
      const storageUri = await storageUriOf(deps, model, change.version);
      const previous = champion && champion !== change.version ? champion : (state?.previous ?? null);
      return { predictor: { storageUri, canaryTrafficPercent: null }, annotations: { [ANNOTATIONS.model]: model, [ANNOTATIONS.champion]: change.version, [ANNOTATIONS.challenger]: null, [ANNOTATIONS.previous]: previous }, setAliases: [['champion', change.version]], deleteAliases: challenger ? ['challenger'] : [] };
    }
    case 'start-challenger': {
      need(champion, 'This endpoint serves no champion yet; deploy a version first.');
      if (change.version === champion) throw new Error(`Version ${change.version} is the champion already; pick another version as the challenger. Nothing was changed.`);
      const storageUri = await storageUriOf(deps, model, change.version);
      return { predictor: { storageUri, canaryTrafficPercent: change.percent }, annotations: { [ANNOTATIONS.challenger]: change.version }, setAliases: [['challenger', change.version]], deleteAliases: [] };
    }
    case 'set-traffic':
      need(challenger, 'This endpoint serves no challenger; give a version to start one.');
      return { predictor: { canaryTrafficPercent: change.percent }, annotations: {}, setAliases: [], deleteAliases: [] };
    case 'promote': {
      const next = need(challenger, 'This endpoint serves no challenger to promote.');
      return { predictor: { canaryTrafficPercent: null }, annotations: { [ANNOTATIONS.champion]: next, [ANNOTATIONS.challenger]: null, [ANNOTATIONS.previous]: champion }, setAliases: [['champion', next]], deleteAliases: ['challenger'] };
    }
    case 'rollback': {
      need(challenger, 'This endpoint serves no challenger to roll back.');
      const storageUri = await storageUriOf(deps, model, need(champion, 'This endpoint has no champion to fall back to.'));
      return { predictor: { storageUri, canaryTrafficPercent: null }, annotations: { [ANNOTATIONS.challenger]: null }, setAliases: [], deleteAliases: ['challenger'] };
    }
    case 'revert': {
      const previous = need(state?.previous, 'This endpoint has no previous version to go back to.');
      const storageUri = await storageUriOf(deps, model, previous);
      return { predictor: { storageUri, canaryTrafficPercent: null }, annotations: { [ANNOTATIONS.champion]: previous, [ANNOTATIONS.previous]: champion, [ANNOTATIONS.challenger]: null }, setAliases: [['champion', previous]], deleteAliases: challenger ? ['challenger'] : [] };
    }
  }
}

/** Reads the InferenceService until its latest revision is Ready, fails, or the time is up. */
async function waitUntilReady(ctx: ActionContext<unknown>, deps: MlActionDeps, api: MlKubernetesApi, where: EndpointLocation): Promise<InferenceServiceInfo> {
  const deadline = Date.now() + deps.config.readyTimeoutMs;
  let said = '';
  for (;;) {
    const isvc = await api.getInferenceService(where.namespace, where.name);
    if (!isvc) throw new Error(`InferenceService ${where.namespace}/${where.name} disappeared while it rolled out.`);
    if (isvc.ready && (!isvc.latestCreatedRevision || isvc.latestCreatedRevision === isvc.latestReadyRevision)) return isvc;
    if (isvc.notReadyReason && isvc.notReadyReason !== said) ctx.logger.info(`${where.name}: not ready yet (${(said = isvc.notReadyReason)})`);
    if (isvc.notReadyReason && /fail/i.test(isvc.notReadyReason)) throw new Error(`the new revision failed: ${isvc.notReadyReason}`);
    if (Date.now() > deadline || ctx.signal.aborted) throw new Error(`it was not ready after ${Math.round(deps.config.readyTimeoutMs / 1000)} s${isvc.notReadyReason ? ` (${isvc.notReadyReason})` : ''}`);
    await pause(deps.config.pollMs, ctx.signal);
  }
}

/**
 * Applies a serving change: patches (or creates) the InferenceService, waits until KServe says
 * its new revision is Ready, then moves the MLflow aliases and records the endpoint. When the
 * new revision does not become ready, the InferenceService is put back as it was, so the version
 * that served before goes on serving, and the run fails saying so.
 */
export async function applyServingChange(ctx: ActionContext<unknown>, deps: MlActionDeps, where: EndpointLocation, modelName: string | null, change: ServingChange, modelEntity: Entity | null): Promise<Entity> {
  const api = await deps.kubernetes(where.cluster);
  const current = await api.getInferenceService(where.namespace, where.name);
  const model = modelName ?? (current ? endpointState(current).model : null);
  if (!model) throw new Error(`InferenceService ${where.namespace}/${where.name} names no model (annotation ${ANNOTATIONS.model}); deploy a model version to it first.`);
  if (current && endpointState(current).model && endpointState(current).model !== model) {
    throw new Error(`Endpoint ${where.name} serves model ${endpointState(current).model}, not ${model}; deploy to another endpoint name. Nothing was changed.`);
  }
  if (!current && change.op !== 'deploy') throw new Error(`There is no InferenceService ${where.namespace}/${where.name} on cluster "${where.cluster}"; deploy a model version to create it.`);
  const steps = await plan(deps, model, current, change);
  ctx.logger.info(`${where.environment} endpoint ${where.name}: ${describeChange(change)}`);
  if (!current) {
    const annotations = Object.fromEntries(Object.entries(steps.annotations).filter((e): e is [string, string] => e[1] !== null));
    const format = typeof modelEntity?.properties.modelFormat === 'string' ? modelEntity.properties.modelFormat : DEFAULT_FORMAT;
    await api.createInferenceService(where.namespace, where.name, { modelFormat: format, storageUri: steps.predictor.storageUri!, canaryTrafficPercent: null }, { labels: { ...MANAGED_BY, 'portico.io/model': mlEntityId(model).slice(0, 63) }, annotations });
    ctx.logger.info(`Created InferenceService ${where.namespace}/${where.name} on cluster "${where.cluster}" serving ${steps.predictor.storageUri}`);
  } else {
    await api.patchInferenceService(where.namespace, where.name, steps.predictor, steps.annotations);
  }
  let ready: InferenceServiceInfo;
  try {
    ready = await waitUntilReady(ctx, deps, api, where);
  } catch (error) {
    if (current) {
      // Back as it was: the version that served before keeps serving.
      const before = Object.fromEntries(Object.keys(steps.annotations).map((k) => [k, current.annotations[k] ?? null]));
      await api.patchInferenceService(where.namespace, where.name, { storageUri: current.predictor.storageUri, canaryTrafficPercent: current.predictor.canaryTrafficPercent }, before);
    }
    const serving = current ? endpointState(current).champion : null;
    throw new Error(`Could not ${describeChange(change)} on ${where.name}: ${(error as Error).message}. ${current ? `The InferenceService was put back; version ${serving ?? '(unknown)'} still serves.` : 'Nothing served before; the InferenceService is left for you to inspect.'}`);
  }
  const mlflow = deps.mlflow();
  const movesAliases = where.environment === deps.config.aliasEnvironment;
  if (!movesAliases && (steps.setAliases.length || steps.deleteAliases.length)) ctx.logger.info(`The MLflow aliases follow the ${deps.config.aliasEnvironment} endpoints; this ${where.environment} change leaves them as they are.`);
  for (const [alias, version] of movesAliases ? steps.setAliases : []) {
    await mlflow.setAlias(model, alias, version);
    ctx.logger.info(`MLflow alias ${alias} of ${model} → version ${version}`);
  }
  for (const alias of movesAliases ? steps.deleteAliases : []) {
    await mlflow.deleteAlias(model, alias);
    ctx.logger.info(`MLflow alias ${alias} of ${model} removed`);
  }
  const entity = endpointEntity({ environment: where.environment, cluster: where.cluster, namespace: where.namespace }, ready, { ...(modelEntity?.owner ? { owner: modelEntity.owner } : {}), ...(modelEntity ? { modelEntity: modelEntity.id } : {}) });
  const stored = await ctx.catalog.upsert(entity);
  if (movesAliases) await refreshAliases(ctx, deps, model);
  if (ready.url) ctx.addLink({ title: `Endpoint ${where.name}`, url: ready.url });
  ctx.setOutput('endpoint', stored.id);
  ctx.setOutput('traffic', stored.properties.traffic);
  ctx.logger.info(`${where.name} is ready: ${(stored.properties.traffic as Array<{ role: string; version: string | null; percent: number }>).map((t) => `${t.role} v${t.version} ${t.percent} %`).join(', ')}`);
  return stored;
}

/** After aliases moved, the Model and its versions in the catalog show them at once (not at the next sync). */
async function refreshAliases(ctx: ActionContext<unknown>, deps: MlActionDeps, model: string): Promise<void> {
  const registered = await deps.mlflow().getRegisteredModel(model);
  const byVersion = new Map<string, string[]>();
  for (const [alias, version] of Object.entries(registered.aliases)) byVersion.set(version, [...(byVersion.get(version) ?? []), alias]);
  const modelEntity = await ctx.catalog.get({ kind: 'ml-model', id: mlEntityId(model) });
  if (modelEntity) {
    const versions = ((modelEntity.properties.versions as Array<{ version: string }>) ?? []).map((v) => ({ ...v, aliases: byVersion.get(v.version) ?? [] }));
    await ctx.catalog.patch({ kind: 'ml-model', id: modelEntity.id }, { properties: { aliases: registered.aliases, versions } });
  }
  const versions = await ctx.catalog.query({ kind: 'ml-model-version', filter: { combinator: 'and', rules: [{ property: 'model', operator: '=', value: model }] }, limit: 500 });
  for (const v of versions.items) {
    const aliases = byVersion.get(String(v.properties.version)) ?? [];
    if (JSON.stringify(aliases) !== JSON.stringify(v.properties.aliases ?? [])) await ctx.catalog.patch({ kind: 'ml-model-version', id: modelVersionId(model, String(v.properties.version)) }, { properties: { aliases } });
  }
}
