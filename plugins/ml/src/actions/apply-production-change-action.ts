import type { ActionDefinition } from '@portico/plugin-api';
import { servingTarget } from '../config/ml-config';
import { applyServingChange } from '../serving/apply-serving-change';
import { PRODUCTION, PRODUCTION_PERMISSION, PRODUCTION_STEP } from '../serving/run-serving-change';
import { needsApproval, type ServingChange } from '../serving/serving-change';
import { noteSimulated, owningTeam, required, target, type MlActionDeps } from './ml-action-deps';

/** The actions whose production changes run as this step (and so vouch for its inputs). */
const REQUESTERS = new Set(['ml.deploy-model-version', 'ml.route-traffic', 'ml.promote-challenger', 'ml.rollback-challenger', 'ml.revert-endpoint']);

interface StepInputs {
  environment: string;
  endpoint: string;
  change: ServingChange;
}

/**
 * Applies a production serving change. It runs only as the step of a serving action, under the
 * `ml.production.change` permission, and a deploy or a new challenger only once the model's
 * owning team approved it; started any other way it refuses, so nobody can skip the approval.
 */
export function applyProductionChangeAction(deps: MlActionDeps): ActionDefinition<StepInputs> {
  return {
    id: PRODUCTION_STEP,
    title: 'Apply a production serving change',
    description: 'The step of Deploy, Route A/B traffic, Promote, Roll back and Revert on a production endpoint. It refuses to run on its own.',
    icon: 'verified',
    kind: 'ml-model',
    operation: 'day-2',
    permission: PRODUCTION_PERMISSION,
    timeoutMs: deps.config.readyTimeoutMs + 5 * 60 * 1000,
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['environment', 'endpoint', 'change'],
      properties: {
        environment: { type: 'string', const: PRODUCTION },
        endpoint: { type: 'string', pattern: '^[a-z]([-a-z0-9]{0,43}[a-z0-9])?$' },
        change: {
          type: 'object',
          required: ['op'],
          properties: { op: { enum: ['deploy', 'start-challenger', 'set-traffic', 'promote', 'rollback', 'revert'] }, version: { type: 'string', pattern: '^[0-9]+$' }, percent: { type: 'integer', minimum: 0, maximum: 100 } },
        },
      },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        noteSimulated(ctx, deps.config);
        const model = target(ctx.entity, 'ml-model', 'model');
        const run = await deps.actionRunner.getRun(ctx.runId);
        const parent = run?.parentRunId ? await deps.actionRunner.getRun(run.parentRunId) : null;
        const team = owningTeam(model, deps.config.defaultOwner);
        const approvers = (run?.approvals ?? []).filter((a) => a.decision === 'approve').map((a) => a.by);
        const approved = Boolean(run?.extraApproval?.teams?.includes(team)) && approvers.length > 0;
        if (!parent || !REQUESTERS.has(parent.actionId) || (needsApproval(ctx.inputs.change) && !approved)) {
          throw new Error(`This step runs only inside a serving action (Deploy, Route A/B traffic, Promote, Roll back, Revert) on a production endpoint${needsApproval(ctx.inputs.change) ? `, once team ${team} approved it` : ''}; start that action instead. Nothing was changed.`);
        }
        if (approvers.length) ctx.logger.info(`Approved by ${approvers.join(', ')}; requested by ${parent.actor} in run ${parent.id}.`);
        const where = { ...servingTarget(deps.config, ctx.inputs.environment), name: ctx.inputs.endpoint };
        await applyServingChange(ctx, deps, where, required(model, 'name'), ctx.inputs.change, model);
      },
    },
  };
}
