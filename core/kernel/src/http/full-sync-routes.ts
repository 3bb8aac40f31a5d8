import { defineRoute, type ApiRoute } from '@portico/http';
import { PERMISSIONS } from '@portico/plugin-api';
import type { FullSyncApprovals } from '../services/full-sync-approvals';

const HELD_BACK_SCHEMA = {
  type: 'object',
  required: ['source', 'at', 'deletions', 'share', 'maxDeleteShare', 'examples'],
  properties: {
    source: { type: 'string' },
    at: { type: 'string', format: 'date-time' },
    deletions: { type: 'integer' },
    share: { type: 'number' },
    maxDeleteShare: { type: 'number' },
    examples: { type: 'array', items: { type: 'object', properties: { kind: { type: 'string' }, id: { type: 'string' } } } },
    approval: { type: 'object', properties: { by: { type: 'string' }, at: { type: 'string' }, expiresAt: { type: 'string' } } },
  },
};

/**
 * Admin → full syncs: the provider syncs held back because they would delete more than their
 * share, and the operator's one-time approval that lets the next sync of a source proceed.
 */
export function fullSyncRoutes(approvals: FullSyncApprovals): ApiRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/admin/full-syncs',
      operationId: 'listHeldBackFullSyncs',
      summary: 'Provider full syncs held back because they would delete more than their maxDeleteShare',
      tags: ['catalog'],
      access: { permission: PERMISSIONS.admin },
      responses: { '200': { description: 'The held-back syncs, one per source', schema: { type: 'object', properties: { items: { type: 'array', items: HELD_BACK_SCHEMA } } } } },
      handler: async () => ({ body: { items: await approvals.list() } }),
    }),
    defineRoute({
      method: 'post',
      path: '/admin/full-syncs/{source}/approval',
      operationId: 'approveHeldBackFullSync',
      summary: "Let the next full sync of a source delete beyond its share (once, within 24 hours)",
      tags: ['catalog'],
      access: { permission: PERMISSIONS.admin },
      responses: { '200': { description: 'Approved: the next sync of this source deletes what it no longer lists', schema: HELD_BACK_SCHEMA }, '404': { description: 'No sync of this source is held back' } },
      handler: async ({ params, identity, audit }) => {
        const approved = await approvals.approve(params.source, identity.id);
        audit({ target: params.source, before: null, after: { approval: approved.approval, deletions: approved.deletions } });
        return { body: approved };
      },
    }),
  ];
}
