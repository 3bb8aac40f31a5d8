import type { JobState, KubernetesApi, NamespaceInfo, PodInfo, ServiceDeployment, WorkloadInfo, WorkloadType } from '../kubernetes/kubernetes-api';
import { KubernetesApiError } from '../kubernetes/kubernetes-api-error';

/** The demo's cluster, in memory: the example organisation's services, scaled and restarted for real (in memory). */
export class SimulatedKubernetes implements KubernetesApi {
  private readonly namespaces = new Map<string, NamespaceInfo>();
  private readonly workloads: WorkloadInfo[] = [];
  private readonly bindings = new Set<string>();
  private readonly jobs = new Map<string, number>();

  constructor(private readonly cluster: string) {
    for (const name of ['shop', 'catalog']) this.namespaces.set(name, { name, labels: {}, phase: 'Active' });
    this.add('Deployment', 'shop', 'cart-service', 2, 'registry.example.com/cart-service:1.42.0');
    this.add('Deployment', 'catalog', 'products-service', 3, 'registry.example.com/products-service:3.1.4');
  }

  private add(type: WorkloadType, namespace: string, name: string, replicas: number, image: string): void {
    const labels = { 'app.kubernetes.io/name': name };
    this.workloads.push({ type, namespace, name, labels, selector: labels, replicas, readyReplicas: replicas, image, restartedAt: null });
  }

  private find(type: WorkloadType, namespace: string, name: string): WorkloadInfo {
    const found = this.workloads.find((w) => w.type === type && w.namespace === namespace && w.name === name);
    if (!found) throw new KubernetesApiError(`Kubernetes found nothing for ${type} ${namespace}/${name} on cluster "${this.cluster}" (404).`, 404, 'NotFound');
    return found;
  }

  async listNamespaces(): Promise<NamespaceInfo[]> {
    return [...this.namespaces.values()];
  }

  async listWorkloads(): Promise<WorkloadInfo[]> {
    return this.workloads.map((w) => ({ ...w }));
  }

  async listPods(): Promise<PodInfo[]> {
    return this.workloads.flatMap((w) => Array.from({ length: w.replicas }, (_, i) => ({ namespace: w.namespace, name: `${w.name}-${(w.restartedAt ? 'r' : 'a') + i.toString(36)}x${i}`, labels: w.labels, phase: 'Running', ready: true, restarts: 0, node: `demo-node-${(i % 3) + 1}` })));
  }

  async scale(type: WorkloadType, namespace: string, name: string, replicas: number): Promise<{ from: number; to: number }> {
    const w = this.find(type, namespace, name);
    const from = w.replicas;
    w.replicas = replicas;
    w.readyReplicas = replicas;
    return { from, to: replicas };
  }

  async restart(type: WorkloadType, namespace: string, name: string, at: string): Promise<void> {
    this.find(type, namespace, name).restartedAt = at;
  }

  async createNamespace(name: string, labels: Record<string, string>): Promise<boolean> {
    if (this.namespaces.has(name)) return false;
    this.namespaces.set(name, { name, labels, phase: 'Active' });
    return true;
  }

  async deleteNamespace(name: string): Promise<boolean> {
    const existed = this.namespaces.delete(name);
    for (let i = this.workloads.length - 1; i >= 0; i--) if (this.workloads[i].namespace === name) this.workloads.splice(i, 1);
    return existed;
  }

  async deployService(namespace: string, service: ServiceDeployment): Promise<void> {
    this.add('Deployment', namespace, service.name, 1, service.image);
  }

  async bindRole(namespace: string, binding: { name: string }): Promise<boolean> {
    const key = `${namespace}/${binding.name}`;
    if (this.bindings.has(key)) return false;
    this.bindings.add(key);
    return true;
  }

  async startJob(namespace: string, job: { name: string }): Promise<void> {
    this.jobs.set(`${namespace}/${job.name}`, 0);
  }

  async readJob(namespace: string, name: string): Promise<JobState> {
    const key = `${namespace}/${name}`;
    const reads = (this.jobs.get(key) ?? 0) + 1;
    this.jobs.set(key, reads);
    return reads > 1 ? { done: true, succeeded: true, message: 'loaded 1,000 mock rows' } : { done: false, succeeded: false, message: '1 pod(s) running' };
  }
}
