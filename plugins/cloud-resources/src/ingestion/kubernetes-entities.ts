import type { EntityInput } from '@portico/plugin-api';
import type { ClusterConfig } from '../config/cloud-config';
import type { NamespaceInfo, PodInfo, WorkloadInfo } from '../kubernetes/kubernetes-api';
import type { ComponentLinks } from './component-links';

export const namespaceId = (cluster: string, namespace: string): string => `${cluster}.${namespace}`;

/** `<cluster>.<namespace>.<name>`; a StatefulSet gets `.statefulset` so it never collides with a Deployment of the same name. */
export function workloadId(cluster: string, workload: Pick<WorkloadInfo, 'type' | 'namespace' | 'name'>): string {
  return `${cluster}.${workload.namespace}.${workload.name}${workload.type === 'StatefulSet' ? '.statefulset' : ''}`;
}

export function clusterEntity(cluster: ClusterConfig, error: string | null): EntityInput {
  return {
    kind: 'kubernetes-cluster',
    id: cluster.id,
    title: cluster.title ?? cluster.id,
    properties: { server: cluster.server ?? null, provider: cluster.provider ?? null, region: cluster.region ?? null, status: error ? 'unreachable' : 'reachable', error, syncedAt: new Date().toISOString() },
  };
}

export function namespaceEntity(cluster: string, ns: NamespaceInfo): EntityInput {
  return { kind: 'kubernetes-namespace', id: namespaceId(cluster, ns.name), title: ns.name, properties: { name: ns.name, cluster, phase: ns.phase, labels: ns.labels }, relations: { cluster } };
}

/** The pods a workload's selector picks. */
export function podsOf(workload: WorkloadInfo, pods: PodInfo[]): PodInfo[] {
  const selector = Object.entries(workload.selector);
  if (selector.length === 0) return [];
  return pods.filter((p) => p.namespace === workload.namespace && selector.every(([k, v]) => p.labels[k] === v));
}

export function workloadEntity(cluster: string, workload: WorkloadInfo, pods: PodInfo[], links: ComponentLinks): EntityInput {
  return {
    kind: 'workload',
    id: workloadId(cluster, workload),
    title: workload.name,
    properties: {
      cluster,
      namespace: workload.namespace,
      name: workload.name,
      workloadType: workload.type,
      replicasDesired: workload.replicas,
      replicasReady: workload.readyReplicas,
      image: workload.image,
      labels: workload.labels,
      pods: podsOf(workload, pods).map((p) => ({ name: p.name, phase: p.phase, ready: p.ready, restarts: p.restarts, node: p.node })),
      restartedAt: workload.restartedAt,
    },
    relations: { cluster, namespace: namespaceId(cluster, workload.namespace), component: links.componentFor(workload.labels) },
  };
}
