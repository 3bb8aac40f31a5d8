/**
 * A Job the plugin starts: one container, run once.
 * @public
 */
export interface JobSpec {
  namespace: string;
  name: string;
  image: string;
  command: string[];
  args: string[];
  env: Record<string, string>;
  labels: Record<string, string>;
  cpu: string;
  memory: string;
  gpu: number;
  serviceAccountName?: string;
}

/** @public */
export interface JobState {
  phase: 'active' | 'succeeded' | 'failed';
  /** Kubernetes' reason and message for a failed Job. */
  message: string | null;
}

/**
 * The predictor of an InferenceService as the plugin sets it.
 * @public
 */
export interface PredictorSpec {
  modelFormat: string;
  storageUri: string;
  /** Percent of traffic to the latest revision while the previous one keeps the rest; null: all of it. */
  canaryTrafficPercent: number | null;
}

/**
 * One revision's share of an endpoint's traffic (status.components.predictor.traffic).
 * @public
 */
export interface TrafficTarget {
  revisionName: string;
  percent: number;
  latestRevision: boolean;
}

/** @public */
export interface InferenceServiceInfo {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  predictor: PredictorSpec;
  url: string | null;
  ready: boolean;
  /** The message of a Ready condition that is not True. */
  notReadyReason: string | null;
  traffic: TrafficTarget[];
  latestReadyRevision: string | null;
  latestCreatedRevision: string | null;
  latestRolledoutRevision: string | null;
}

/**
 * What the plugin asks of one cluster: Jobs (batch/v1) and KServe InferenceServices (serving.kserve.io/v1beta1).
 * @public
 */
export interface MlKubernetesApi {
  createJob(spec: JobSpec): Promise<void>;
  /** null when the Job does not exist. */
  getJob(namespace: string, name: string): Promise<JobState | null>;
  listInferenceServices(namespace: string): Promise<InferenceServiceInfo[]>;
  getInferenceService(namespace: string, name: string): Promise<InferenceServiceInfo | null>;
  createInferenceService(namespace: string, name: string, predictor: PredictorSpec, metadata: { labels: Record<string, string>; annotations: Record<string, string> }): Promise<void>;
  /** A JSON merge patch of the predictor and annotations (a null annotation removes it). */
  patchInferenceService(namespace: string, name: string, predictor: Partial<PredictorSpec>, annotations: Record<string, string | null>): Promise<void>;
}
