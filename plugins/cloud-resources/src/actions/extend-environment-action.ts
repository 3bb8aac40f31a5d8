import type { ActionDefinition } from '@portico/plugin-api';
import { daysMs, remindAt } from '../environments/environment-times';
import { requireEnvironmentMember } from '../environments/require-environment-member';
import { required, target, type CloudActionDeps } from './cloud-action-deps';

/** Extend an environment's TTL by 3 days: moves its timer, never past its maximum lifetime. */
export function extendEnvironmentAction(deps: CloudActionDeps): ActionDefinition<{ reason?: string }> {
  const days = deps.config.environments.extendDays;
  return {
    id: 'cloud.extend-environment',
    title: `Extend TTL by ${days} days`,
    description: `Keeps this environment ${days} days longer, up to ${deps.config.environments.maxLifetimeDays} days after it was created.`,
    icon: 'more_time',
    kind: 'dev-environment',
    operation: 'day-2',
    permission: 'cloud.environment.extend',
    condition: { combinator: 'and', rules: [{ property: 'status', operator: 'in', value: ['ready', 'provisioning'] }] },
    inputSchema: { type: 'object', additionalProperties: false, properties: { reason: { type: 'string', title: 'Why', maxLength: 500 } } },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        const environment = target(ctx.entity, 'dev-environment', 'developer environment');
        await requireEnvironmentMember(ctx, environment, 'extend it');
        if (environment.properties.status === 'ended' || environment.properties.status === 'ending') throw new Error(`${environment.id} has ended; spin up a new one.`);
        const current = Date.parse(required(environment, 'expiresAt'));
        const max = Date.parse(required(environment, 'maxExpiresAt'));
        const next = Math.max(current, Date.now()) + daysMs(deps.config, days);
        if (next > max) {
          throw new Error(`Not extended: ${environment.id} would then end at ${new Date(next).toISOString()}, past its maximum lifetime (${new Date(max).toISOString()}, ${deps.config.environments.maxLifetimeDays} days after it was created). Spin up a new environment instead.`);
        }
        const expiresAt = new Date(next).toISOString();
        await ctx.catalog.patch({ kind: 'dev-environment', id: environment.id }, { properties: { expiresAt, remindAt: remindAt(deps.config, next), remindedAt: null, extensions: Number(environment.properties.extensions ?? 0) + 1 } });
        ctx.logger.info(`${environment.id} now ends at ${expiresAt} (was ${new Date(current).toISOString()})${ctx.inputs.reason ? `: ${ctx.inputs.reason}` : ''}`);
        ctx.setOutput('expiresAt', expiresAt);
      },
    },
  };
}
