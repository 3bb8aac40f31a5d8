/** A namespace as the plugin reads it. */
export interface NamespaceInfo {
  name: string;
  labels: Record<string, string>;
  phase: string;
}

export type WorkloadType = 'Deployment' | 'StatefulSet';

/** A Deployment or StatefulSet as the plugin reads it. */
export interface WorkloadInfo {
  type: WorkloadType;
  namespace: string;
  name: string;
  /** The object's labels and its pod template's, merged (the template's win). */
  labels: Record<string, string>;
  selector: Record<string, string>;
  replicas: number;
  readyReplicas: number;
  image: string | null;
  restartedAt: string | null;
}

export interface PodInfo {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  phase: string;
  ready: boolean;
  restarts: number;
  node: string | null;
}

export interface JobState {
  done: boolean;
  succeeded: boolean;
  message: string | null;
}

export interface ServiceDeployment {
  name: string;
  image: string;
  port?: number;
  labels: Record<string, string>;
}

/** What the plugin does on one cluster: the real client and the demo's simulation both implement it. */
export interface KubernetesApi {
  listNamespaces(): Promise<NamespaceInfo[]>;
  listWorkloads(): Promise<WorkloadInfo[]>;
  listPods(): Promise<PodInfo[]>;
  /** Sets the pod count through the scale subresource; refuses if the object changed since it was read. */
  scale(type: WorkloadType, namespace: string, name: string, replicas: number): Promise<{ from: number; to: number }>;
  /** A rollout restart, as `kubectl rollout restart` does it: a new pod template annotation. */
  restart(type: WorkloadType, namespace: string, name: string, at: string): Promise<void>;
  /** Creates a namespace; `false` when it already existed. */
  createNamespace(name: string, labels: Record<string, string>): Promise<boolean>;
  /** Deletes a namespace and everything in it; `false` when it was already gone. */
  deleteNamespace(name: string): Promise<boolean>;
  deployService(namespace: string, service: ServiceDeployment): Promise<void>;
  /** Binds a user to a ClusterRole inside one namespace; `false` when the binding already existed. */
  bindRole(namespace: string, binding: { name: string; clusterRole: string; user: string }): Promise<boolean>;
  startJob(namespace: string, job: { name: string; image: string; args: string[]; labels: Record<string, string> }): Promise<void>;
  readJob(namespace: string, name: string): Promise<JobState>;
}

/** The annotation `kubectl rollout restart` sets on the pod template. */
export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';
