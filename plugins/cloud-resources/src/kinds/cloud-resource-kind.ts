import type { KindDefinition } from '@portico/plugin-api';

export const RESOURCE_STATUSES = ['provisioning', 'ready', 'modifying', 'failed', 'destroying', 'destroyed'] as const;
/** @public */
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

/**
 * A bucket, database, cache or queue, provisioned and changed through its own Terraform workspace.
 * @public
 */
export const cloudResourceKind: KindDefinition = {
  id: 'cloud-resource',
  title: 'Cloud resource',
  description: 'A bucket, database, cache or queue, managed by a Terraform workspace.',
  icon: 'cloud',
  ownerKind: 'team',
  schema: {
    type: 'object',
    required: ['type', 'provider', 'status'],
    properties: {
      type: { type: 'string', title: 'Type', examples: ['bucket', 'database', 'cache', 'queue'] },
      provider: { type: 'string', title: 'Provider' },
      region: { type: 'string', title: 'Region' },
      status: { type: 'string', title: 'Status', enum: [...RESOURCE_STATUSES] },
      workspace: { type: 'string', title: 'Terraform workspace' },
      workspaceId: { type: 'string', title: 'Terraform workspace id' },
      workspaceUrl: { type: 'string', title: 'Workspace', format: 'url' },
      variables: { type: 'object', title: 'Variables' },
      outputs: { type: 'object', title: 'Outputs' },
      endpoint: { type: ['string', 'null'], title: 'Endpoint' },
      lastRunId: { type: ['string', 'null'], title: 'Last Terraform run' },
      lastRunStatus: { type: ['string', 'null'], title: 'Last run status' },
      lastRunUrl: { type: ['string', 'null'], title: 'Last run', format: 'url' },
      error: { type: ['string', 'null'], title: 'Last error' },
    },
  },
  relations: {
    components: { target: 'component', many: true, title: 'Used by', inverse: 'cloudResources', inverseTitle: 'Cloud resources' },
  },
  editable: ['description', 'relations.components'],
};
