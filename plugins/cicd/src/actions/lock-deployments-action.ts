import { ConflictError, NotFoundError, type ActionDefinition } from '@portico/plugin-api';
import { findLock, lockId } from '../deployments/deployment-records';
import { environmentIds, requireComponent, type CicdActionDeps } from './cicd-action-deps';

/** Creates a `deployment-lock`: deploy and revert then refuse, naming who locked and why. */
export function lockDeploymentsAction(deps: CicdActionDeps): ActionDefinition<{ environment: string; reason: string }> {
  return {
    id: 'cicd.lock-deployments',
    title: 'Lock deployments',
    description: 'Stop all deployments of this service to an environment until it is unlocked.',
    icon: 'lock',
    kind: 'component',
    operation: 'day-2',
    // Writes only catalog entities: it reads no secret.
    secrets: [],
    condition: { combinator: 'and', rules: [{ property: 'type', operator: '=', value: 'service' }] },
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['environment', 'reason'],
      properties: {
        environment: { type: 'string', title: 'Environment', enum: environmentIds(deps.config) },
        reason: { type: 'string', title: 'Reason', minLength: 3, maxLength: 500 },
      },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        const component = requireComponent(ctx);
        const { environment, reason } = ctx.inputs;
        const existing = await findLock(ctx.catalog, component.id, environment);
        if (existing) {
          throw new ConflictError(`Deployments of ${component.id} to ${environment} are already locked by ${String(existing.properties.lockedBy)}: ${String(existing.properties.reason)}`);
        }
        await ctx.catalog.upsert(
          {
            kind: 'deployment-lock',
            id: lockId(component.id, environment),
            title: `${component.id} in ${environment} locked`,
            properties: { lockedBy: ctx.actor, reason, lockedAt: new Date().toISOString() },
            relations: { service: component.id, environment },
          },
          { actor: ctx.actor },
        );
        ctx.logger.info(`Locked deployments of ${component.id} to ${environment}: ${reason}`);
      },
    },
  };
}

export function unlockDeploymentsAction(deps: CicdActionDeps): ActionDefinition<{ environment: string }> {
  return {
    id: 'cicd.unlock-deployments',
    title: 'Unlock deployments',
    description: 'Allow deployments of this service to an environment again.',
    icon: 'lock_open',
    kind: 'component',
    operation: 'day-2',
    // Writes only catalog entities: it reads no secret.
    secrets: [],
    condition: { combinator: 'and', rules: [{ property: 'type', operator: '=', value: 'service' }] },
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['environment'],
      properties: { environment: { type: 'string', title: 'Environment', enum: environmentIds(deps.config) } },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        const component = requireComponent(ctx);
        const { environment } = ctx.inputs;
        const lock = await findLock(ctx.catalog, component.id, environment);
        if (!lock) throw new NotFoundError(`Deployments of ${component.id} to ${environment} are not locked.`);
        await ctx.catalog.delete({ kind: 'deployment-lock', id: lock.id }, { actor: ctx.actor });
        ctx.logger.info(`Unlocked deployments of ${component.id} to ${environment} (locked by ${String(lock.properties.lockedBy)}: ${String(lock.properties.reason)})`);
      },
    },
  };
}
