import type { ActionDefinition } from '@portico/plugin-api';
import { runTerraform } from '../resources/run-terraform';
import { noteSimulated, required, target, type CloudActionDeps } from './cloud-action-deps';
import { owningTeam, requireOwnerApproval } from './owner-approval';

const REQUEST = 'cloud.destroy-resource';
const STEP = 'cloud.destroy-resource-approved';

/** Destroy a cloud resource: asks the owning team, then runs the approved destroy as a step. */
export function destroyResourceAction(_deps: CloudActionDeps): ActionDefinition<{ reason: string }> {
  return {
    id: REQUEST,
    title: 'Destroy cloud resource',
    description: 'Destroys this resource with a Terraform destroy run, once its owning team approves.',
    icon: 'delete_forever',
    kind: 'cloud-resource',
    operation: 'delete',
    permission: 'cloud.resource.destroy',
    condition: { combinator: 'and', rules: [{ property: 'status', operator: 'in', value: ['ready', 'failed'] }] },
    timeoutMs: 7 * 24 * 3600 * 1000,
    inputSchema: { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: { type: 'string', title: 'Why', minLength: 3, maxLength: 500 } } },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        const resource = target(ctx.entity, 'cloud-resource', 'cloud resource');
        const team = owningTeam(resource);
        ctx.logger.info(`Destroying ${resource.id} needs the approval of its owning team, ${team}`);
        const step = await ctx.runAction(STEP, { entity: { kind: 'cloud-resource', id: resource.id }, inputs: { reason: ctx.inputs.reason }, approval: { teams: [team] }, title: `Destroy ${resource.id} (approved by ${team})` });
        if (step.status !== 'succeeded') throw new Error(`${resource.id} was not destroyed: the approved step ended ${step.status}${step.error ? `: ${step.error.replace(/\.$/, '')}` : ''}.`);
        ctx.setOutput('destroyed', resource.id);
      },
    },
  };
}

/** The approved step of destroy: refuses unless its parent is the request and the owning team approved. */
export function destroyResourceApprovedAction(deps: CloudActionDeps): ActionDefinition<{ reason: string }> {
  return {
    id: STEP,
    title: 'Destroy cloud resource (approved step)',
    description: `The step "${REQUEST}" runs once the owning team approves; started on its own it refuses.`,
    icon: 'delete_forever',
    kind: 'cloud-resource',
    operation: 'delete',
    permission: 'cloud.resource.destroy',
    timeoutMs: (deps.config.terraform?.runTimeoutMs ?? 3_600_000) + 60_000,
    inputSchema: { type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: { type: 'string', minLength: 3, maxLength: 500 } } },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        noteSimulated(ctx, deps.config);
        const resource = target(ctx.entity, 'cloud-resource', 'cloud resource');
        const approvers = await requireOwnerApproval(ctx, deps.actionRunner, REQUEST, owningTeam(resource));
        required(resource, 'workspaceId');
        const api = await deps.terraform();
        const updated = await ctx.catalog.patch({ kind: 'cloud-resource', id: resource.id }, { properties: { status: 'destroying', error: null } });
        try {
          await runTerraform(ctx, deps.config, api, updated, { variables: {}, isDestroy: true, message: `Destroy ${resource.id}: ${ctx.inputs.reason} (Portico run ${ctx.runId}, approved by ${approvers.join(', ')})` });
          // The entity stays, marked destroyed, as the record of what existed and who removed it.
          await ctx.catalog.patch({ kind: 'cloud-resource', id: resource.id }, { properties: { status: 'destroyed', endpoint: null } });
          ctx.logger.info(`${resource.id} is destroyed`);
        } catch (error) {
          await ctx.catalog.patch({ kind: 'cloud-resource', id: resource.id }, { properties: { status: 'failed', error: (error as Error).message } });
          throw error;
        }
      },
    },
  };
}
