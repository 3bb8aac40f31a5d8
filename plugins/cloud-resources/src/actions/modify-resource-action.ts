import type { ActionDefinition } from '@portico/plugin-api';
import { checkVariables, resourceType } from '../resources/resource-type';
import { endpointOf, runTerraform } from '../resources/run-terraform';
import { noteSimulated, required, target, type CloudActionDeps } from './cloud-action-deps';

/** Modify a cloud resource: change variables of its workspace and run Terraform again. */
export function modifyResourceAction(deps: CloudActionDeps): ActionDefinition<{ variables: Record<string, unknown> }> {
  return {
    id: 'cloud.modify-resource',
    title: 'Modify cloud resource',
    description: "Changes this resource's settings and applies them with a new Terraform run.",
    icon: 'edit',
    kind: 'cloud-resource',
    operation: 'day-2',
    permission: 'cloud.resource.modify',
    condition: { combinator: 'and', rules: [{ property: 'status', operator: 'in', value: ['ready', 'failed'] }] },
    timeoutMs: (deps.config.terraform?.runTimeoutMs ?? 3_600_000) + 60_000,
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['variables'],
      properties: { variables: { type: 'object', title: 'Settings to change', minProperties: 1 } },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        noteSimulated(ctx, deps.config);
        const resource = target(ctx.entity, 'cloud-resource', 'cloud resource');
        required(resource, 'workspaceId');
        const type = resourceType(deps.config, required(resource, 'type'));
        const variables = { ...((resource.properties.variables as Record<string, unknown>) ?? {}), ...ctx.inputs.variables };
        checkVariables(type, variables);
        const api = await deps.terraform();
        const updated = await ctx.catalog.patch({ kind: 'cloud-resource', id: resource.id }, { properties: { status: 'modifying', error: null } });
        try {
          const outputs = await runTerraform(ctx, deps.config, api, updated, { variables: ctx.inputs.variables, isDestroy: false, message: `Modify ${resource.id} (Portico run ${ctx.runId} by ${ctx.actor})` });
          await ctx.catalog.patch({ kind: 'cloud-resource', id: resource.id }, { properties: { status: 'ready', variables, outputs, endpoint: endpointOf(outputs) } });
          ctx.setOutput('outputs', outputs);
        } catch (error) {
          await ctx.catalog.patch({ kind: 'cloud-resource', id: resource.id }, { properties: { status: 'failed', error: (error as Error).message } });
          throw error;
        }
      },
    },
  };
}
