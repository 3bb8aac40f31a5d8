import type { ActionDefinition } from '@portico/plugin-api';
import { checkVariables, provisionVariablesSchema, resourceType } from '../resources/resource-type';
import { endpointOf, runTerraform } from '../resources/run-terraform';
import { noteSimulated, type CloudActionDeps } from './cloud-action-deps';

interface ProvisionInputs {
  name: string;
  type: string;
  owner: string;
  region?: string;
  description?: string;
  variables?: Record<string, unknown>;
}

/** Provision a cloud resource: its own Terraform workspace from the type's module, variables from the form, run to the end, outputs recorded. */
export function provisionResourceAction(deps: CloudActionDeps): ActionDefinition<ProvisionInputs> {
  const types = deps.config.resourceTypes;
  return {
    id: 'cloud.provision-resource',
    title: 'Provision a cloud resource',
    description: 'Creates a bucket, database, cache or queue through Terraform, in a workspace of its own.',
    icon: 'add_circle',
    operation: 'create',
    permission: 'cloud.resource.provision',
    timeoutMs: (deps.config.terraform?.runTimeoutMs ?? 3_600_000) + 60_000,
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'type', 'owner'],
      properties: {
        name: { type: 'string', title: 'Name', pattern: '^[a-z][a-z0-9-]{1,48}[a-z0-9]$', description: 'Lower-case letters, digits and dashes; it names the entity and the workspace.' },
        type: { type: 'string', title: 'Type', ...(types.length > 0 ? { enum: types.map((t) => t.type), enumNames: types.map((t) => t.title) } : {}) },
        owner: { type: 'string', title: 'Owning team', format: 'team' },
        region: { type: 'string', title: 'Region' },
        description: { type: 'string', title: 'What it is for', maxLength: 500 },
        variables: { type: 'object', title: 'Settings', default: {} },
      },
      ...(types.length > 0 ? { allOf: provisionVariablesSchema(deps.config) } : {}),
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        noteSimulated(ctx, deps.config);
        const type = resourceType(deps.config, ctx.inputs.type);
        const variables = ctx.inputs.variables ?? {};
        checkVariables(type, variables);
        const id = ctx.inputs.name;
        const existing = await ctx.catalog.get({ kind: 'cloud-resource', id });
        if (existing && existing.properties.status !== 'destroyed') throw new Error(`A cloud resource "${id}" exists already (${existing.properties.status}); pick another name, or change it with "Modify cloud resource".`);
        const api = await deps.terraform();
        const tf = deps.config.terraform!;
        const workspaceName = `${tf.workspacePrefix}${id}`;
        // The entity is written first, so a failure later leaves a record of what was started.
        let resource = await ctx.catalog.upsert({
          kind: 'cloud-resource',
          id,
          title: id,
          owner: ctx.inputs.owner,
          ...(ctx.inputs.description ? { description: ctx.inputs.description } : {}),
          properties: { type: type.type, provider: type.provider, ...(ctx.inputs.region ? { region: ctx.inputs.region } : {}), status: 'provisioning', workspace: workspaceName, variables, outputs: {}, endpoint: null, error: null },
        });
        try {
          const workspace = (await api.findWorkspace(workspaceName)) ?? (await api.createWorkspace(workspaceName, type.module, `${type.title} ${id}, provisioned by Portico for ${ctx.inputs.owner}`));
          ctx.logger.info(`Workspace ${workspace.name} (${workspace.id}) runs ${type.module.repository}${type.module.directory ? `/${type.module.directory}` : ''}`);
          resource = await ctx.catalog.patch({ kind: 'cloud-resource', id }, { properties: { workspaceId: workspace.id, workspaceUrl: api.workspaceUrl(workspace.name) } });
          const outputs = await runTerraform(ctx, deps.config, api, resource, { variables, isDestroy: false, message: `Provision ${type.title} ${id} (Portico run ${ctx.runId} by ${ctx.actor})` });
          await ctx.catalog.patch({ kind: 'cloud-resource', id }, { properties: { status: 'ready', outputs, endpoint: endpointOf(outputs) } });
          ctx.logger.info(`${type.title} ${id} is ready${endpointOf(outputs) ? ` at ${endpointOf(outputs)}` : ''}`);
          ctx.setOutput('resource', id);
          ctx.setOutput('outputs', outputs);
        } catch (error) {
          await ctx.catalog.patch({ kind: 'cloud-resource', id }, { properties: { status: 'failed', error: (error as Error).message } });
          throw error;
        }
      },
    },
  };
}
