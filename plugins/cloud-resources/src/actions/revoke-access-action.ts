import type { ActionDefinition } from '@portico/plugin-api';
import { applyGrant } from '../access/apply-grant';
import { required, target, type CloudActionDeps } from './cloud-action-deps';

/** Revokes an access grant: run by its timer at expiry, or by hand before. Revoking twice changes nothing. */
export function revokeAccessAction(deps: CloudActionDeps): ActionDefinition<{ reason?: string }> {
  return {
    id: 'cloud.revoke-access',
    title: 'Revoke access',
    description: 'Withdraws this access now; it also happens by itself when the grant expires.',
    icon: 'key_off',
    kind: 'access-grant',
    operation: 'day-2',
    permission: 'cloud.access.revoke',
    inputSchema: { type: 'object', additionalProperties: false, properties: { reason: { type: 'string', maxLength: 500 } } },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        const grant = target(ctx.entity, 'access-grant', 'access grant');
        if (grant.properties.status === 'revoked') {
          ctx.logger.info(`${grant.id} was revoked already at ${grant.properties.revokedAt}; nothing to do`);
          return;
        }
        if (grant.properties.status === 'pending') {
          // Still being applied by its step: flag it (a new version), and the step revokes it once applied.
          await ctx.catalog.patch({ kind: 'access-grant', id: grant.id }, { properties: { revokeRequested: true } });
          ctx.logger.info(`${grant.id} is still being applied; it is revoked as soon as that finishes`);
          return;
        }
        const resourceId = typeof grant.relations.resource === 'string' ? grant.relations.resource : null;
        const resource = resourceId ? await ctx.catalog.get({ kind: 'cloud-resource', id: resourceId }) : null;
        if (!resource) throw new Error(`The resource of ${grant.id} (${resourceId ?? 'none'}) is gone from the catalog; revoke the access in the provider by hand.`);
        await applyGrant(ctx, deps, resource, { change: 'revoke', grantId: grant.id, who: required(grant, 'who'), role: required(grant, 'role'), expiresAt: String(grant.properties.expiresAt) });
        const revokedAt = new Date().toISOString();
        await ctx.catalog.patch({ kind: 'access-grant', id: grant.id }, { properties: { status: 'revoked', revokedAt, error: null } });
        ctx.logger.info(`Revoked ${grant.properties.role} on ${resource.id} for ${grant.properties.who}${ctx.inputs.reason ? ` (${ctx.inputs.reason})` : ''}`);
      },
    },
  };
}
