import type { KindDefinition } from '@portico/plugin-api';

export const ENVIRONMENT_STATUSES = ['provisioning', 'ready', 'failed', 'ending', 'ended'] as const;
/** @public */
export type EnvironmentStatus = (typeof ENVIRONMENT_STATUSES)[number];

/**
 * A developer's namespace with chosen services, for a few days; `expiresAt` is its timer.
 * @public
 */
export const devEnvironmentKind: KindDefinition = {
  id: 'dev-environment',
  title: 'Developer environment',
  description: 'A namespace with chosen services deployed, torn down when its time is up.',
  icon: 'timer',
  ownerKind: 'team',
  schema: {
    type: 'object',
    required: ['requestedBy', 'cluster', 'namespace', 'status', 'expiresAt'],
    properties: {
      requestedBy: { type: 'string', title: 'Requested by' },
      members: { type: 'array', title: 'Members', items: { type: 'string' } },
      services: { type: 'array', title: 'Services', items: { type: 'string' } },
      cluster: { type: 'string', title: 'Cluster' },
      namespace: { type: 'string', title: 'Namespace' },
      url: { type: ['string', 'null'], title: 'URL', format: 'url' },
      status: { type: 'string', title: 'Status', enum: [...ENVIRONMENT_STATUSES] },
      createdAt: { type: 'string', title: 'Created', format: 'date-time' },
      expiresAt: { type: 'string', title: 'Expires', format: 'timer' },
      remindAt: { type: ['string', 'null'], title: 'Reminder', format: 'timer' },
      remindedAt: { type: ['string', 'null'], title: 'Reminded', format: 'date-time' },
      maxExpiresAt: { type: 'string', title: 'Latest possible expiry', format: 'date-time' },
      extensions: { type: 'integer', title: 'Extensions', minimum: 0 },
      mockDataLoadedAt: { type: ['string', 'null'], title: 'Mock data loaded', format: 'date-time' },
      endedAt: { type: ['string', 'null'], title: 'Ended', format: 'date-time' },
      error: { type: ['string', 'null'], title: 'Last error' },
    },
  },
  relations: {
    components: { target: 'component', many: true, title: 'Services', inverse: 'devEnvironments', inverseTitle: 'Developer environments' },
  },
};
