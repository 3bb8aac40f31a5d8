import type { ActionDefinition } from '@portico/plugin-api';
import { applyGrant } from '../access/apply-grant';
import { target, type CloudActionDeps } from './cloud-action-deps';
import { owningTeam, requireOwnerApproval } from './owner-approval';
import { MAX_GRANT_HOURS } from './request-access-action';

interface GrantInputs {
  who: string;
  role: string;
  hours: number;
  reason: string;
}

/** The approved step of "Get access": applies the grant and records it as an Access grant whose timer revokes it. */
export function grantAccessAction(deps: CloudActionDeps): ActionDefinition<GrantInputs> {
  return {
    id: 'cloud.grant-access',
    title: 'Grant access (approved step)',
    description: 'The step "cloud.request-access" runs once the owning team approves; started on its own it refuses.',
    icon: 'key',
    kind: 'cloud-resource',
    operation: 'day-2',
    permission: 'cloud.access.request',
    timeoutMs: (deps.config.terraform?.runTimeoutMs ?? 3_600_000) + 60_000,
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['who', 'role', 'hours', 'reason'],
      properties: { who: { type: 'string', minLength: 1 }, role: { type: 'string', minLength: 1 }, hours: { type: 'integer', minimum: 1, maximum: MAX_GRANT_HOURS }, reason: { type: 'string' } },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        const resource = target(ctx.entity, 'cloud-resource', 'cloud resource');
        const approvedBy = await requireOwnerApproval(ctx, deps.actionRunner, 'cloud.request-access', owningTeam(resource));
        const id = `${resource.id}.${ctx.inputs.who}.${ctx.runId.slice(-8)}`.toLowerCase().replace(/[^a-z0-9._-]/g, '-');
        const expiresAt = new Date(Date.now() + ctx.inputs.hours * 3600 * 1000 * deps.config.timeScale).toISOString();
        // Recorded before it is applied: a grant that fails half-way is on record, never silent.
        await ctx.catalog.upsert({
          kind: 'access-grant',
          id,
          title: `${ctx.inputs.who}: ${ctx.inputs.role} on ${resource.title}`,
          properties: { who: ctx.inputs.who, role: ctx.inputs.role, reason: ctx.inputs.reason, status: 'pending', approvedBy, expiresAt, error: null },
          relations: { resource: resource.id },
        });
        const change = { grantId: id, who: ctx.inputs.who, role: ctx.inputs.role, expiresAt };
        try {
          const appliedBy = await applyGrant(ctx, deps, resource, { change: 'grant', ...change });
          // Its timer may have fired while it was applied (a short grant, a slow run): then the
          // revoke flagged it, and the write below, made against the version read, is refused.
          const current = await ctx.catalog.get({ kind: 'access-grant', id });
          const expired = Boolean(current?.properties.revokeRequested) || Date.now() >= Date.parse(expiresAt);
          const activated = expired ? null : await ctx.catalog.patch({ kind: 'access-grant', id }, { properties: { status: 'active', grantedAt: new Date().toISOString(), appliedBy } }, { ifVersion: current!.meta.version }).catch(() => null);
          if (!activated) {
            ctx.logger.warn(`${id} expired while it was being applied; revoking it now`);
            await applyGrant(ctx, deps, resource, { change: 'revoke', ...change });
            await ctx.catalog.patch({ kind: 'access-grant', id }, { properties: { status: 'revoked', grantedAt: new Date().toISOString(), revokedAt: new Date().toISOString(), appliedBy } });
          }
        } catch (error) {
          await ctx.catalog.patch({ kind: 'access-grant', id }, { properties: { status: 'failed', error: (error as Error).message } });
          throw error;
        }
        ctx.logger.info(`${ctx.inputs.who} has ${ctx.inputs.role} on ${resource.id} until ${expiresAt} (approved by ${approvedBy.join(', ')})`);
        ctx.setOutput('grant', id);
        ctx.setOutput('expiresAt', expiresAt);
      },
    },
  };
}
