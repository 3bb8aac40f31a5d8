import { AppsV1Api, BatchV1Api, CoreV1Api, KubeConfig, PatchStrategy, RbacAuthorizationV1Api, setHeaderOptions, type V1Deployment, type V1StatefulSet } from '@kubernetes/client-node';
import type { JobState, KubernetesApi, NamespaceInfo, PodInfo, ServiceDeployment, WorkloadInfo, WorkloadType } from './kubernetes-api';
import { RESTARTED_AT_ANNOTATION } from './kubernetes-api';
import { KubernetesApiError, toKubernetesApiError } from './kubernetes-api-error';

/** Items per list page (`limit`); `continue` tokens fetch the rest, up to MAX_PAGES. */
const PAGE_SIZE = 500;
const MAX_PAGES = 200;

/** The Kubernetes API of one cluster through @kubernetes/client-node; every failure becomes a KubernetesApiError. */
export class KubernetesClient implements KubernetesApi {
  private readonly core: CoreV1Api;
  private readonly apps: AppsV1Api;
  private readonly batch: BatchV1Api;
  private readonly rbac: RbacAuthorizationV1Api;

  constructor(
    private readonly cluster: string,
    kubeConfig: KubeConfig,
    private readonly pageSize = PAGE_SIZE,
  ) {
    this.core = kubeConfig.makeApiClient(CoreV1Api);
    this.apps = kubeConfig.makeApiClient(AppsV1Api);
    this.batch = kubeConfig.makeApiClient(BatchV1Api);
    this.rbac = kubeConfig.makeApiClient(RbacAuthorizationV1Api);
  }

  private async call<T>(request: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw toKubernetesApiError(this.cluster, request, error);
    }
  }

  /** Runs `fn`; a 404 (or 409 for `allow: 409`) answers `false` instead of failing. */
  private async tolerate(request: string, code: number, fn: () => Promise<unknown>): Promise<boolean> {
    try {
      await this.call(request, fn);
      return true;
    } catch (error) {
      if ((error as { status?: number }).status === code) return false;
      throw error;
    }
  }

  /** Every item of a list, page by page, so a large cluster is never read in one answer. */
  private async listAll<T>(request: string, page: (options: { limit: number; _continue?: string }) => Promise<{ items: T[]; metadata?: { _continue?: string } }>): Promise<T[]> {
    const items: T[] = [];
    let token: string | undefined;
    for (let n = 0; n < MAX_PAGES; n++) {
      const list = await this.call(request, () => page({ limit: this.pageSize, ...(token ? { _continue: token } : {}) }));
      items.push(...list.items);
      token = list.metadata?._continue || undefined;
      if (!token) return items;
    }
    throw new KubernetesApiError(`Cluster "${this.cluster}" has more than ${MAX_PAGES * this.pageSize} items for ${request}; exclude namespaces or split the cluster's config.`, null, null);
  }

  async listNamespaces(): Promise<NamespaceInfo[]> {
    const list = { items: await this.listAll('GET namespaces', (o) => this.core.listNamespace(o)) };
    return list.items.map((n) => ({ name: n.metadata!.name!, labels: n.metadata?.labels ?? {}, phase: n.status?.phase ?? 'Active' }));
  }

  async listWorkloads(): Promise<WorkloadInfo[]> {
    const [deployments, statefulSets] = await Promise.all([
      this.listAll('GET deployments', (o) => this.apps.listDeploymentForAllNamespaces(o)),
      this.listAll('GET statefulsets', (o) => this.apps.listStatefulSetForAllNamespaces(o)),
    ]);
    return [...deployments.map((d) => toWorkload('Deployment', d)), ...statefulSets.map((s) => toWorkload('StatefulSet', s))];
  }

  async listPods(): Promise<PodInfo[]> {
    const pods = await this.listAll('GET pods', (o) => this.core.listPodForAllNamespaces(o));
    return pods.map((p) => ({
      namespace: p.metadata!.namespace!,
      name: p.metadata!.name!,
      labels: p.metadata?.labels ?? {},
      phase: p.status?.phase ?? 'Unknown',
      ready: (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
      restarts: (p.status?.containerStatuses ?? []).reduce((sum, c) => sum + (c.restartCount ?? 0), 0),
      node: p.spec?.nodeName ?? null,
    }));
  }

  async scale(type: WorkloadType, namespace: string, name: string, replicas: number): Promise<{ from: number; to: number }> {
    const what = `the scale of ${type} ${namespace}/${name}`;
    const args = { name, namespace };
    const current = await this.call(`GET ${what}`, () => (type === 'Deployment' ? this.apps.readNamespacedDeploymentScale(args) : this.apps.readNamespacedStatefulSetScale(args)));
    const from = current.spec?.replicas ?? 0;
    // The resourceVersion read makes Kubernetes refuse (409) if someone scaled it meanwhile.
    const body = { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name, namespace, resourceVersion: current.metadata?.resourceVersion }, spec: { replicas } };
    const updated = await this.call(`PUT ${what}`, () => (type === 'Deployment' ? this.apps.replaceNamespacedDeploymentScale({ ...args, body }) : this.apps.replaceNamespacedStatefulSetScale({ ...args, body })));
    return { from, to: updated.spec?.replicas ?? replicas };
  }

  async restart(type: WorkloadType, namespace: string, name: string, at: string): Promise<void> {
    const body = { spec: { template: { metadata: { annotations: { [RESTARTED_AT_ANNOTATION]: at } } } } };
    const options = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);
    await this.call(`PATCH ${type} ${namespace}/${name}`, () =>
      type === 'Deployment' ? this.apps.patchNamespacedDeployment({ name, namespace, body }, options) : this.apps.patchNamespacedStatefulSet({ name, namespace, body }, options),
    );
  }

  createNamespace(name: string, labels: Record<string, string>): Promise<boolean> {
    return this.tolerate(`POST namespace ${name}`, 409, () => this.core.createNamespace({ body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } } }));
  }

  deleteNamespace(name: string): Promise<boolean> {
    return this.tolerate(`DELETE namespace ${name}`, 404, () => this.core.deleteNamespace({ name }));
  }

  async deployService(namespace: string, service: ServiceDeployment): Promise<void> {
    const labels = { ...service.labels, 'app.kubernetes.io/name': service.name };
    const container = { name: service.name, image: service.image, ...(service.port ? { ports: [{ containerPort: service.port }] } : {}) };
    await this.call(`POST Deployment ${namespace}/${service.name}`, () =>
      this.apps.createNamespacedDeployment({ namespace, body: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: service.name, labels }, spec: { replicas: 1, selector: { matchLabels: { 'app.kubernetes.io/name': service.name } }, template: { metadata: { labels }, spec: { containers: [container] } } } } }),
    );
  }

  bindRole(namespace: string, binding: { name: string; clusterRole: string; user: string }): Promise<boolean> {
    return this.tolerate(`POST RoleBinding ${namespace}/${binding.name}`, 409, () =>
      this.rbac.createNamespacedRoleBinding({
        namespace,
        body: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: binding.name, labels: { 'app.kubernetes.io/managed-by': 'portico' } }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: binding.clusterRole }, subjects: [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: binding.user }] },
      }),
    );
  }

  async startJob(namespace: string, job: { name: string; image: string; args: string[]; labels: Record<string, string> }): Promise<void> {
    await this.call(`POST Job ${namespace}/${job.name}`, () =>
      this.batch.createNamespacedJob({ namespace, body: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: job.name, labels: job.labels }, spec: { backoffLimit: 2, template: { metadata: { labels: job.labels }, spec: { restartPolicy: 'Never', containers: [{ name: 'load', image: job.image, args: job.args }] } } } } }),
    );
  }

  async readJob(namespace: string, name: string): Promise<JobState> {
    const job = await this.call(`GET Job ${namespace}/${name}`, () => this.batch.readNamespacedJob({ name, namespace }));
    const conditions = job.status?.conditions ?? [];
    const failed = conditions.find((c) => c.type === 'Failed' && c.status === 'True');
    const complete = conditions.find((c) => c.type === 'Complete' && c.status === 'True');
    if (failed) return { done: true, succeeded: false, message: [failed.reason, failed.message].filter(Boolean).join(': ') || 'the Job failed' };
    if (complete) return { done: true, succeeded: true, message: null };
    return { done: false, succeeded: false, message: `${job.status?.active ?? 0} pod(s) running` };
  }
}

function toWorkload(type: WorkloadType, object: V1Deployment | V1StatefulSet): WorkloadInfo {
  const template = object.spec?.template;
  return {
    type,
    namespace: object.metadata!.namespace!,
    name: object.metadata!.name!,
    labels: { ...(object.metadata?.labels ?? {}), ...(template?.metadata?.labels ?? {}) },
    selector: object.spec?.selector?.matchLabels ?? {},
    replicas: object.spec?.replicas ?? 1,
    readyReplicas: object.status?.readyReplicas ?? 0,
    image: template?.spec?.containers?.[0]?.image ?? null,
    restartedAt: template?.metadata?.annotations?.[RESTARTED_AT_ANNOTATION] ?? null,
  };
}
