/** Airflow's DAG run states (`DagRunState`, the same in v1 and v2). */
export const DAG_RUN_STATES = ['queued', 'running', 'success', 'failed'] as const;
/** @public */
export type DagRunState = (typeof DAG_RUN_STATES)[number];

/**
 * Airflow's task instance states; `null` is a task not scheduled yet.
 * @public
 */
export type TaskState =
  | 'success'
  | 'running'
  | 'failed'
  | 'upstream_failed'
  | 'skipped'
  | 'up_for_retry'
  | 'up_for_reschedule'
  | 'queued'
  | 'none'
  | 'scheduled'
  | 'deferred'
  | 'removed'
  | 'restarting'
  | null;

/**
 * A DAG as the plugin uses it, the same whichever API version answered.
 * @public
 */
export interface AirflowDag {
  dagId: string;
  displayName: string;
  description: string | null;
  owners: string[];
  tags: string[];
  isPaused: boolean;
  /** Cron expression, preset, timedelta or the timetable's summary; null when unscheduled. */
  schedule: string | null;
  /** When the scheduler will next start a run. */
  nextRunAt: string | null;
  fileloc: string | null;
}

/** @public */
export interface AirflowDagRun {
  dagId: string;
  runId: string;
  state: DagRunState;
  runType: string | null;
  logicalDate: string | null;
  startDate: string | null;
  endDate: string | null;
  conf: Record<string, unknown>;
  note: string | null;
}

/** @public */
export interface AirflowTaskInstance {
  taskId: string;
  state: TaskState;
  tryNumber: number;
  startDate: string | null;
  endDate: string | null;
  mapIndex: number;
}

/** @public */
export interface TriggerDagRun {
  conf: Record<string, unknown>;
  /** Our own run id, so a retried attempt finds its run instead of starting a second one. */
  runId?: string;
  note?: string;
}

/**
 * An Airflow dataset (Airflow 2) or asset (Airflow 3): data that DAGs produce and consume.
 * @public
 */
export interface AirflowDataset {
  uri: string;
  /** DAGs with a task that updates it. */
  producers: string[];
  /** DAGs scheduled on it, or with a task that reads it. */
  consumers: string[];
}
