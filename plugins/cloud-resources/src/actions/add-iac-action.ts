import type { ActionDefinition } from '@portico/plugin-api';
import { moduleFiles } from '../github/module-files';
import type { RepositoryConnection } from '../github/repository-connection';
import { noteSimulated, target, type CloudActionDeps } from './cloud-action-deps';

interface IacInputs {
  module: string;
  name: string;
  variables?: Record<string, unknown>;
}

/** Add IaC to a service: a pull request adding a Terraform module folder to the Component's repository. */
export function addIacAction(deps: CloudActionDeps & { repositories: RepositoryConnection }): ActionDefinition<IacInputs> {
  const modules = deps.config.iacModules;
  return {
    id: 'cloud.add-iac',
    title: 'Add IaC to this service',
    description: "Opens a pull request adding a Terraform module to this service's repository, from the modules your platform team offers.",
    icon: 'account_tree',
    kind: 'component',
    operation: 'day-2',
    permission: 'cloud.iac.add',
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['module', 'name'],
      properties: {
        module: { type: 'string', title: 'Module', ...(modules.length > 0 ? { enum: modules.map((m) => m.id), enumNames: modules.map((m) => m.title) } : {}) },
        name: { type: 'string', title: 'Name', pattern: '^[a-z][a-z0-9-]{0,40}$', description: 'Names the module block and its folder.' },
        variables: { type: 'object', title: 'Module inputs', propertyNames: { pattern: '^[a-z_][a-z0-9_]{0,63}$' }, default: {} },
      },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        noteSimulated(ctx, deps.config);
        const component = target(ctx.entity, 'component', 'component');
        const module = modules.find((m) => m.id === ctx.inputs.module);
        if (!module) throw new Error(`No Terraform module "${ctx.inputs.module}" is offered; the cloud plugin's iacModules are: ${modules.map((m) => m.id).join(', ') || 'none'}.`);
        const repository = component.properties.repository;
        if (typeof repository !== 'string' || !/^[\w.-]+\/[\w.-]+$/.test(repository)) throw new Error(`${component.id} names no GitHub repository ("owner/name" in its property "repository"); set it, then run this again.`);
        const files = moduleFiles(module, ctx.inputs.name, component.id, ctx.inputs.variables ?? {});
        const branch = `portico/iac-${ctx.inputs.name}-${ctx.runId.toLowerCase().replace(/[^a-z0-9]/g, '').slice(-6)}`;
        const pr = await (await deps.repositories()).openPullRequest({
          repository,
          branch,
          title: `Add ${module.title} "${ctx.inputs.name}" (Terraform)`,
          body: `Adds \`${files[0].path}\` calling \`${module.source}\`${module.version ? ` ${module.version}` : ''}.\n\nRequested by ${ctx.actor} through Portico (run ${ctx.runId}).`,
          files,
        });
        ctx.logger.info(`Opened pull request #${pr.number} on ${repository} adding ${files.map((f) => f.path).join(', ')}`);
        ctx.addLink({ title: `Pull request #${pr.number}`, url: pr.url });
        ctx.setOutput('pullRequest', pr.url);
      },
    },
  };
}
