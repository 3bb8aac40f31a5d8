import type { KindDefinition } from '@portico/plugin-api';

/**
 * A Kubernetes cluster the portal reads and acts on.
 * @public
 */
export const kubernetesClusterKind: KindDefinition = {
  id: 'kubernetes-cluster',
  title: 'Kubernetes cluster',
  icon: 'hub',
  schema: {
    type: 'object',
    required: ['status'],
    properties: {
      server: { type: ['string', 'null'], title: 'API server' },
      provider: { type: ['string', 'null'], title: 'Provider' },
      region: { type: ['string', 'null'], title: 'Region' },
      status: { type: 'string', title: 'Status', enum: ['reachable', 'unreachable'] },
      error: { type: ['string', 'null'], title: 'Last error' },
      syncedAt: { type: 'string', title: 'Synced', format: 'date-time' },
    },
  },
};
