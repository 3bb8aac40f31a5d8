import type { EntityInput } from '@portico/plugin-api';
import type { VersionSummary } from '../kinds/model-kind';
import type { MlflowApi } from '../mlflow/mlflow-api';
import type { MlflowExperiment, MlflowModelVersion, MlflowRegisteredModel, MlflowRun } from '../mlflow/mlflow-types';
import { mlEntityId, modelVersionId } from './entity-ids';

/** The MLflow tag that names the owning team of an experiment or a registered model. */
export const OWNER_TAG = 'portico.owner';
/** The tag a training Job puts on the MLflow run it creates, so the portal finds the run. */
export const RUN_TAG = 'portico_run_id';
/** The tag of a registered model naming the KServe model format its versions are served with. */
export const FORMAT_TAG = 'portico.model_format';

const iso = (ms: number | null): string | null => (ms === null || Number.isNaN(ms) ? null : new Date(ms).toISOString());

export function experimentEntity(api: MlflowApi, e: MlflowExperiment, runCount: number, owner: string | undefined): EntityInput {
  return {
    kind: 'ml-experiment',
    id: mlEntityId(e.name),
    title: e.name,
    ...(owner ? { owner } : {}),
    ...(e.tags['mlflow.note.content'] ? { description: e.tags['mlflow.note.content'] } : {}),
    properties: { experimentId: e.experimentId, name: e.name, artifactLocation: e.artifactLocation, lifecycleStage: e.lifecycleStage, lastUpdateTime: iso(e.lastUpdateTime), runCount, url: api.experimentUrl(e.experimentId) },
  };
}

export function runEntity(api: MlflowApi, run: MlflowRun, experimentEntityId: string, owner?: string): EntityInput {
  return {
    kind: 'ml-training-run',
    id: run.runId.toLowerCase(),
    title: run.runName ?? run.runId,
    ...(owner ? { owner } : {}),
    properties: { runId: run.runId, runName: run.runName, experimentId: run.experimentId, status: run.status, startTime: iso(run.startTime), endTime: iso(run.endTime), userId: run.userId, metrics: run.metrics, params: run.params, portalRunId: run.tags[RUN_TAG] ?? null, url: api.runUrl(run.experimentId, run.runId) },
    relations: { experiment: experimentEntityId },
  };
}

export function versionSummary(v: MlflowModelVersion, metrics: Record<string, number>): VersionSummary {
  return { version: v.version, aliases: v.aliases, stage: v.currentStage, status: v.status, runId: v.runId, createdAt: iso(v.creationTimestamp), metrics };
}

export function modelEntity(api: MlflowApi, m: MlflowRegisteredModel, versions: VersionSummary[], owner: string | undefined): EntityInput {
  const sorted = [...versions].sort((a, b) => Number(a.version) - Number(b.version));
  return {
    kind: 'ml-model',
    id: mlEntityId(m.name),
    title: m.name,
    ...(owner ? { owner } : {}),
    ...(m.description ? { description: m.description } : {}),
    properties: { name: m.name, aliases: m.aliases, latestVersion: sorted.at(-1)?.version ?? null, versions: sorted, url: api.modelUrl(m.name), ...(m.tags[FORMAT_TAG] ? { modelFormat: m.tags[FORMAT_TAG] } : {}) },
  };
}

/** A version's entity; its run relation only when that run is in the catalog (relations must point at an entity). */
export function modelVersionEntity(api: MlflowApi, v: MlflowModelVersion, metrics: Record<string, number>, owner: string | undefined, runInCatalog: boolean): EntityInput {
  return {
    kind: 'ml-model-version',
    id: modelVersionId(v.name, v.version),
    title: `${v.name} v${v.version}`,
    ...(owner ? { owner } : {}),
    ...(v.description ? { description: v.description } : {}),
    properties: { model: v.name, version: v.version, aliases: v.aliases, stage: v.currentStage, status: v.status, source: v.source, runId: v.runId, metrics, createdAt: iso(v.creationTimestamp), url: api.modelUrl(v.name, v.version) },
    relations: { model: mlEntityId(v.name), ...(runInCatalog && v.runId ? { run: v.runId.toLowerCase() } : {}) },
  };
}
