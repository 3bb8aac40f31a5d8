import { ConflictError, NotFoundError, ValidationError, type ActionDefinition } from '@portico/plugin-api';
import type { CicdActionDeps } from './cicd-action-deps';

export interface ScaffoldInputs {
  name: string;
  title?: string;
  description?: string;
  owner: string;
  system?: string;
}

/** Creates a repository from the configured template and registers the new Component. */
export function scaffoldServiceAction(deps: CicdActionDeps): ActionDefinition<ScaffoldInputs> {
  return {
    id: 'cicd.scaffold-service',
    title: 'Create a microservice',
    description: 'Create a GitHub repository from the service template and register it as a Component.',
    icon: 'add_box',
    kind: 'component',
    operation: 'create',
    // Every GitHub call reads the token secret, and nothing else.
    secrets: [deps.config.github.tokenSecret],
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'owner'],
      properties: {
        name: { type: 'string', title: 'Name', description: 'Repository and component id, e.g. payments-service', pattern: '^[a-z][a-z0-9-]{1,62}$' },
        title: { type: 'string', title: 'Title', maxLength: 200 },
        description: { type: 'string', title: 'Description', maxLength: 1000 },
        owner: { type: 'string', title: 'Owning team', pattern: '^[a-z0-9][a-z0-9._-]*$' },
        system: { type: 'string', title: 'System', pattern: '^[a-z0-9][a-z0-9._-]*$' },
      },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        const { templateRepository, owner: githubOwner } = deps.config.scaffold;
        if (!templateRepository || !githubOwner) {
          throw new ValidationError('Scaffolding is not configured: set scaffold.templateRepository and scaffold.owner in the cicd plugin config.');
        }
        const { name, owner, system } = ctx.inputs;
        if (await ctx.catalog.get({ kind: 'component', id: name })) throw new ConflictError(`A component named ${name} already exists.`);
        if (!(await ctx.catalog.get({ kind: 'team', id: owner }))) throw new NotFoundError(`There is no team ${owner} to own ${name}.`);
        if (system && !(await ctx.catalog.get({ kind: 'system', id: system }))) throw new NotFoundError(`There is no system ${system}.`);

        const client = await deps.github(ctx.secrets);
        ctx.logger.info(`Creating ${githubOwner}/${name} from ${templateRepository}`);
        const repo = await client.createRepositoryFromTemplate(templateRepository, {
          owner: githubOwner,
          name,
          description: ctx.inputs.description,
          private: deps.config.scaffold.private,
        });
        ctx.addLink({ title: repo.full_name, url: repo.html_url });
        ctx.setProgress(60);
        const component = await ctx.catalog.upsert(
          {
            kind: 'component',
            id: name,
            title: ctx.inputs.title ?? name,
            description: ctx.inputs.description,
            owner,
            properties: { type: 'service', lifecycle: 'experimental', repository: repo.full_name },
            relations: system ? { partOf: system } : {},
          },
          { actor: ctx.actor },
        );
        ctx.setOutput('repository', repo.full_name);
        ctx.setOutput('component', component.id);
        ctx.logger.info(`Registered component ${component.id}, owned by ${owner}`);
      },
    },
  };
}
