import type { KindDefinition } from '@portico/plugin-api';

export const GRANT_STATUSES = ['pending', 'active', 'revoked', 'failed'] as const;

/**
 * Someone's role on a cloud resource until a moment; its timer revokes it.
 * @public
 */
export const accessGrantKind: KindDefinition = {
  id: 'access-grant',
  title: 'Access grant',
  icon: 'key',
  schema: {
    type: 'object',
    required: ['who', 'role', 'expiresAt', 'status'],
    properties: {
      who: { type: 'string', title: 'Who' },
      role: { type: 'string', title: 'Role' },
      reason: { type: 'string', title: 'Why' },
      status: { type: 'string', title: 'Status', enum: [...GRANT_STATUSES] },
      grantedAt: { type: 'string', title: 'Granted', format: 'date-time' },
      approvedBy: { type: 'array', title: 'Approved by', items: { type: 'string' } },
      expiresAt: { type: 'string', title: 'Expires', format: 'timer' },
      revokedAt: { type: ['string', 'null'], title: 'Revoked', format: 'date-time' },
      appliedBy: { type: 'string', title: 'Applied by', enum: ['terraform', 'webhook', 'simulation'] },
      error: { type: ['string', 'null'], title: 'Last error' },
      revokeRequested: { type: ['boolean', 'null'], title: 'Revoke once applied' },
    },
  },
  relations: {
    resource: { target: 'cloud-resource', required: true, title: 'Resource', inverse: 'accessGrants', inverseTitle: 'Access grants' },
  },
};
