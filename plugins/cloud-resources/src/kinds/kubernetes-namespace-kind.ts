import type { KindDefinition } from '@portico/plugin-api';

/**
 * A namespace of a cluster.
 * @public
 */
export const kubernetesNamespaceKind: KindDefinition = {
  id: 'kubernetes-namespace',
  title: 'Namespace',
  icon: 'folder',
  schema: {
    type: 'object',
    required: ['name', 'cluster'],
    properties: {
      name: { type: 'string', title: 'Name' },
      cluster: { type: 'string', title: 'Cluster' },
      phase: { type: 'string', title: 'Phase' },
      labels: { type: 'object', title: 'Labels', additionalProperties: { type: 'string' } },
    },
  },
  relations: {
    cluster: { target: 'kubernetes-cluster', required: true, title: 'Cluster', inverse: 'namespaces', inverseTitle: 'Namespaces' },
  },
};
