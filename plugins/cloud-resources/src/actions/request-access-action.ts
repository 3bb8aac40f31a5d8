import type { ActionDefinition } from '@portico/plugin-api';
import { resourceType } from '../resources/resource-type';
import { target, type CloudActionDeps } from './cloud-action-deps';
import { owningTeam } from './owner-approval';

interface AccessInputs {
  role: string;
  hours: number;
  reason: string;
}

export const MAX_GRANT_HOURS = 24 * 30;

/** Get access to a cloud resource: a role for some hours, approved by the resource's owning team. */
export function requestAccessAction(deps: CloudActionDeps): ActionDefinition<AccessInputs> {
  const roles = [...new Set(deps.config.resourceTypes.flatMap((t) => t.roles))];
  return {
    id: 'cloud.request-access',
    title: 'Get access',
    description: "Asks for a role on this resource for a while; its owning team approves, and the access ends by itself.",
    icon: 'key',
    kind: 'cloud-resource',
    operation: 'day-2',
    permission: 'cloud.access.request',
    condition: { combinator: 'and', rules: [{ property: 'status', operator: '=', value: 'ready' }] },
    timeoutMs: 7 * 24 * 3600 * 1000,
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['role', 'hours', 'reason'],
      properties: {
        role: { type: 'string', title: 'Role', ...(roles.length > 0 ? { enum: roles } : {}) },
        hours: { type: 'integer', title: 'For how many hours', minimum: 1, maximum: MAX_GRANT_HOURS, default: 8 },
        reason: { type: 'string', title: 'Why', minLength: 3, maxLength: 500 },
      },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        const resource = target(ctx.entity, 'cloud-resource', 'cloud resource');
        const type = resourceType(deps.config, String(resource.properties.type));
        if (!type.roles.includes(ctx.inputs.role)) throw new Error(`A ${type.title} has no role "${ctx.inputs.role}"; ask for one of: ${type.roles.join(', ')}.`);
        if (!ctx.actor.startsWith('user:')) throw new Error(`Access is granted to people; ${ctx.actor} is not one. Ask as yourself.`);
        const team = owningTeam(resource);
        ctx.logger.info(`${ctx.actor} asks for ${ctx.inputs.role} on ${resource.id} for ${ctx.inputs.hours} h; waiting for ${team} to approve`);
        const step = await ctx.runAction('cloud.grant-access', { entity: { kind: 'cloud-resource', id: resource.id }, inputs: { who: ctx.actor.slice(5), ...ctx.inputs }, approval: { teams: [team] }, title: `Grant ${ctx.inputs.role} on ${resource.id} (approved by ${team})` });
        if (step.status !== 'succeeded') throw new Error(`No access was granted: the approved step ended ${step.status}${step.error ? `: ${step.error.replace(/\.$/, '')}` : ''}.`);
        ctx.setOutput('grant', step.outputs.grant);
        ctx.setOutput('expiresAt', step.outputs.expiresAt);
      },
    },
  };
}
