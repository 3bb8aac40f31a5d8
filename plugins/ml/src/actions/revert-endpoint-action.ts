import type { ActionDefinition } from '@portico/plugin-api';
import { locationOf, runServingChange } from '../serving/run-serving-change';
import { noteSimulated, required, target, type MlActionDeps } from './ml-action-deps';

/** Revert: the endpoint serves its previous version again and the champion alias follows. */
export function revertEndpointAction(deps: MlActionDeps): ActionDefinition<{ reason?: string }> {
  return {
    id: 'ml.revert-endpoint',
    title: 'Revert to the previous version',
    description: 'Serves the version that was the champion before the last deploy or promotion, and moves the champion alias back to it.',
    icon: 'history',
    kind: 'ml-serving-endpoint',
    operation: 'day-2',
    permission: 'ml.serving.revert',
    condition: { combinator: 'and', rules: [{ property: 'previousVersion', operator: 'isNotEmpty' }] },
    timeoutMs: 24 * 3600 * 1000,
    inputSchema: { type: 'object', additionalProperties: false, properties: { reason: { type: 'string', title: 'Why', maxLength: 500 } } },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        noteSimulated(ctx, deps.config);
        const endpoint = target(ctx.entity, 'ml-serving-endpoint', 'serving endpoint');
        await runServingChange(ctx, deps, locationOf(endpoint), required(endpoint, 'model'), { op: 'revert' });
        if (ctx.inputs.reason) ctx.logger.info(`Reverted: ${ctx.inputs.reason}`);
      },
    },
  };
}
