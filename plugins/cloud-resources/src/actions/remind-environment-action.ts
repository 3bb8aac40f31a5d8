import type { ActionDefinition } from '@portico/plugin-api';
import { target, type CloudActionDeps } from './cloud-action-deps';

/**
 * The reminder a day before expiry: records `remindedAt` on the environment, an update event
 * notifications and automations can follow, and says in its run log when it ends.
 */
export function remindEnvironmentAction(deps: CloudActionDeps): ActionDefinition<Record<string, never>> {
  return {
    id: 'cloud.remind-environment',
    title: 'Remind of expiry',
    description: `Run by the environment's reminder timer, ${deps.config.environments.reminderHours} h before it expires.`,
    icon: 'notifications',
    kind: 'dev-environment',
    operation: 'day-2',
    permission: 'cloud.environment.teardown',
    inputSchema: { type: 'object', additionalProperties: false, properties: {} },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        const environment = target(ctx.entity, 'dev-environment', 'developer environment');
        if (environment.properties.status === 'ended') return;
        await ctx.catalog.patch({ kind: 'dev-environment', id: environment.id }, { properties: { remindedAt: new Date().toISOString() } });
        ctx.logger.info(`${environment.id} expires at ${environment.properties.expiresAt}; members ${((environment.properties.members as string[]) ?? []).join(', ') || 'none'} can extend it by ${deps.config.environments.extendDays} days`);
      },
    },
  };
}
