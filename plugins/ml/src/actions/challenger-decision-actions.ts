import type { ActionDefinition } from '@portico/plugin-api';
import { locationOf, runServingChange } from '../serving/run-serving-change';
import { noteSimulated, required, target, type MlActionDeps } from './ml-action-deps';

type Decision = 'promote' | 'rollback';

function challengerDecision(deps: MlActionDeps, op: Decision): ActionDefinition<{ reason?: string }> {
  return {
    id: op === 'promote' ? 'ml.promote-challenger' : 'ml.rollback-challenger',
    title: op === 'promote' ? 'Promote the challenger' : 'Roll back the challenger',
    description: op === 'promote' ? 'The challenger takes all traffic and becomes the champion (the champion alias follows).' : 'The champion takes all traffic again and the challenger is no longer served.',
    icon: op === 'promote' ? 'military_tech' : 'undo',
    kind: 'ml-serving-endpoint',
    operation: 'day-2',
    permission: 'ml.serving.traffic',
    condition: { combinator: 'and', rules: [{ property: 'challengerVersion', operator: 'isNotEmpty' }] },
    timeoutMs: 24 * 3600 * 1000,
    inputSchema: { type: 'object', additionalProperties: false, properties: { reason: { type: 'string', title: 'Why', maxLength: 500 } } },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        noteSimulated(ctx, deps.config);
        const endpoint = target(ctx.entity, 'ml-serving-endpoint', 'serving endpoint');
        await runServingChange(ctx, deps, locationOf(endpoint), required(endpoint, 'model'), { op });
      },
    },
  };
}

export const promoteChallengerAction = (deps: MlActionDeps) => challengerDecision(deps, 'promote');
export const rollbackChallengerAction = (deps: MlActionDeps) => challengerDecision(deps, 'rollback');
