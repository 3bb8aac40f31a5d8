// The shapes of MLflow REST API 2.0 the plugin reads (snake_case as MLflow sends them), and
// the plugin's camelCase views of them.

export interface MlflowTag {
  key: string;
  value: string;
}

/** @public */
export interface MlflowExperiment {
  experimentId: string;
  name: string;
  artifactLocation: string | null;
  lifecycleStage: string;
  lastUpdateTime: number | null;
  tags: Record<string, string>;
}

export const RUN_STATUSES = ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'] as const;
/** @public */
export type MlflowRunStatus = (typeof RUN_STATUSES)[number];

/** @public */
export interface MlflowRun {
  runId: string;
  runName: string | null;
  experimentId: string;
  status: MlflowRunStatus;
  startTime: number | null;
  endTime: number | null;
  userId: string | null;
  /** The latest value of each metric. */
  metrics: Record<string, number>;
  params: Record<string, string>;
  tags: Record<string, string>;
}

/** @public */
export interface MlflowMetricPoint {
  key: string;
  value: number;
  timestamp: number;
  step: number;
}

/** @public */
export interface MlflowModelVersion {
  name: string;
  version: string;
  currentStage: string | null;
  status: string;
  source: string | null;
  runId: string | null;
  aliases: string[];
  description: string | null;
  creationTimestamp: number | null;
  tags: Record<string, string>;
}

/** @public */
export interface MlflowRegisteredModel {
  name: string;
  description: string | null;
  /** Alias → version. */
  aliases: Record<string, string>;
  tags: Record<string, string>;
  lastUpdatedTimestamp: number | null;
}
