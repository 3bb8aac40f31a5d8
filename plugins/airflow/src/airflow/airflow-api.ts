import type { AirflowDag, AirflowDagRun, AirflowDataset, AirflowTaskInstance, TriggerDagRun } from './airflow-types';

/**
 * What the plugin asks of one Airflow instance. `AirflowClient` speaks the stable REST API
 * (v1 for Airflow 2, v2 for Airflow 3); the demo's `SimulatedAirflow` answers from memory.
 * @public
 */
export interface AirflowApi {
  listDags(): Promise<AirflowDag[]>;
  getDag(dagId: string): Promise<AirflowDag>;
  setPaused(dagId: string, paused: boolean): Promise<AirflowDag>;
  /** The newest runs first, at most `limit`. */
  listDagRuns(dagId: string, limit: number): Promise<AirflowDagRun[]>;
  triggerDagRun(dagId: string, trigger: TriggerDagRun): Promise<AirflowDagRun>;
  getDagRun(dagId: string, runId: string): Promise<AirflowDagRun>;
  listTaskInstances(dagId: string, runId: string): Promise<AirflowTaskInstance[]>;
  /** The task instances of several runs of one DAG, by run id, in as few requests as the API allows. */
  listTaskInstancesOfRuns(dagId: string, runIds: string[]): Promise<Map<string, AirflowTaskInstance[]>>;
  /** Clears the run's failed tasks so the scheduler runs them again; returns the task ids cleared (or that would be, on a dry run). */
  clearFailedTasks(dagId: string, runId: string, dryRun: boolean): Promise<string[]>;
  /** Datasets (v1) or assets (v2), with the DAGs producing and consuming each. */
  listDatasets(): Promise<AirflowDataset[]>;
  getTaskLog(dagId: string, runId: string, taskId: string, tryNumber: number): Promise<string>;
  /** Airflow's own page for a run, for the run's links. */
  runUrl(dagId: string, runId: string): string;
}
