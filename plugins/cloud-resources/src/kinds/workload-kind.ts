import type { JsonSchema, KindDefinition } from '@portico/plugin-api';

/**
 * A pod of a workload, as the Workload card lists it.
 * @public
 */
export interface WorkloadPod {
  name: string;
  phase: string;
  ready: boolean;
  restarts: number;
  node?: string | null;
}

const podSchema: JsonSchema = {
  type: 'object',
  required: ['name', 'phase', 'ready', 'restarts'],
  properties: { name: { type: 'string' }, phase: { type: 'string' }, ready: { type: 'boolean' }, restarts: { type: 'integer' }, node: { type: ['string', 'null'] } },
};

/**
 * A Deployment or StatefulSet, linked to its Component by the `app.kubernetes.io/name` or `backstage.io/kubernetes-id` label.
 * @public
 */
export const workloadKind: KindDefinition = {
  id: 'workload',
  title: 'Workload',
  description: 'A Kubernetes Deployment or StatefulSet: its replicas, image and pods.',
  icon: 'deployed_code',
  schema: {
    type: 'object',
    required: ['cluster', 'namespace', 'name', 'workloadType', 'replicasDesired', 'replicasReady'],
    properties: {
      cluster: { type: 'string', title: 'Cluster' },
      namespace: { type: 'string', title: 'Namespace' },
      name: { type: 'string', title: 'Name' },
      workloadType: { type: 'string', title: 'Type', enum: ['Deployment', 'StatefulSet'] },
      replicasDesired: { type: 'integer', title: 'Desired replicas', minimum: 0 },
      replicasReady: { type: 'integer', title: 'Ready replicas', minimum: 0 },
      image: { type: ['string', 'null'], title: 'Image' },
      labels: { type: 'object', title: 'Labels', additionalProperties: { type: 'string' } },
      pods: { type: 'array', title: 'Pods', items: podSchema },
      restartedAt: { type: ['string', 'null'], title: 'Last restart', format: 'date-time' },
    },
  },
  relations: {
    cluster: { target: 'kubernetes-cluster', required: true, title: 'Cluster', inverse: 'workloads', inverseTitle: 'Workloads' },
    namespace: { target: 'kubernetes-namespace', required: true, title: 'Namespace', inverse: 'workloads', inverseTitle: 'Workloads' },
    component: { target: 'component', title: 'Component', inverse: 'workloads', inverseTitle: 'Workloads' },
  },
};
