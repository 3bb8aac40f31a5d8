import type { MlflowExperiment, MlflowMetricPoint, MlflowModelVersion, MlflowRegisteredModel, MlflowRun } from './mlflow-types';

/**
 * What the plugin asks of MLflow. `MlflowClient` speaks REST API 2.0; the demo's `SimulatedMlflow` answers from memory.
 * @public
 */
export interface MlflowApi {
  searchExperiments(): Promise<MlflowExperiment[]>;
  getExperimentByName(name: string): Promise<MlflowExperiment | null>;
  /** Newest first; `filter` is MLflow's search syntax (`tags.portico_run_id = '…'`). */
  searchRuns(experimentIds: string[], options?: { filter?: string; maxResults?: number }): Promise<MlflowRun[]>;
  getRun(runId: string): Promise<MlflowRun>;
  getMetricHistory(runId: string, metricKey: string): Promise<MlflowMetricPoint[]>;
  searchRegisteredModels(): Promise<MlflowRegisteredModel[]>;
  getRegisteredModel(name: string): Promise<MlflowRegisteredModel>;
  /** Every version of a model, or those matching `filter` (e.g. `run_id = '…'`). */
  searchModelVersions(filter: string): Promise<MlflowModelVersion[]>;
  getModelVersion(name: string, version: string): Promise<MlflowModelVersion>;
  setAlias(name: string, alias: string, version: string): Promise<void>;
  deleteAlias(name: string, alias: string): Promise<void>;
  /** MLflow's own pages, for links. */
  experimentUrl(experimentId: string): string;
  runUrl(experimentId: string, runId: string): string;
  modelUrl(name: string, version?: string): string;
}
