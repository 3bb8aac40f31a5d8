import type { ActionDefinition } from '@portico/plugin-api';
import { locationOf, runServingChange } from '../serving/run-serving-change';
import { noteSimulated, required, target, type MlActionDeps } from './ml-action-deps';

type Op = 'promote' | 'rollback' | 'revert';

const ACTIONS: Record<Op, Pick<ActionDefinition, 'id' | 'title' | 'description' | 'icon' | 'permission'> & { needs: string }> = {
  promote: { id: 'ml.promote-challenger', title: 'Promote the challenger', description: 'The challenger takes all traffic and becomes the champion (the champion alias follows).', icon: 'military_tech', permission: 'ml.serving.traffic', needs: 'challengerVersion' },
  rollback: { id: 'ml.rollback-challenger', title: 'Roll back the challenger', description: 'The champion takes all traffic again and the challenger is no longer served.', icon: 'undo', permission: 'ml.serving.traffic', needs: 'challengerVersion' },
  revert: { id: 'ml.revert-endpoint', title: 'Revert to the previous version', description: 'Serves the version that was the champion before the last deploy or promotion, and moves the champion alias back to it.', icon: 'history', permission: 'ml.serving.revert', needs: 'previousVersion' },
};

/** A change of an endpoint that takes no version: promote or roll back its challenger, or revert to its previous champion. */
function endpointChange(deps: MlActionDeps, op: Op): ActionDefinition<{ reason?: string }> {
  const { needs, ...action } = ACTIONS[op];
  return {
    ...action,
    kind: 'ml-serving-endpoint',
    operation: 'day-2',
    condition: { combinator: 'and', rules: [{ property: needs, operator: 'isNotEmpty' }] },
    timeoutMs: 24 * 3600 * 1000,
    inputSchema: { type: 'object', additionalProperties: false, properties: { reason: { type: 'string', title: 'Why', maxLength: 500 } } },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        noteSimulated(ctx, deps.config);
        const endpoint = target(ctx.entity, 'ml-serving-endpoint', 'serving endpoint');
        await runServingChange(ctx, deps, locationOf(endpoint), required(endpoint, 'model'), { op });
        if (ctx.inputs.reason) ctx.logger.info(`Why: ${ctx.inputs.reason}`);
      },
    },
  };
}

export const promoteChallengerAction = (deps: MlActionDeps) => endpointChange(deps, 'promote');
export const rollbackChallengerAction = (deps: MlActionDeps) => endpointChange(deps, 'rollback');
export const revertEndpointAction = (deps: MlActionDeps) => endpointChange(deps, 'revert');
