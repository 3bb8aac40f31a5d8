import type { ActionDefinition } from '@portico/plugin-api';
import { environmentIds, repositoryOf, requireComponent, type CicdActionDeps } from './cicd-action-deps';
import { VARIABLE_NAME_SCHEMA } from './variable-name-schema';


/** Stores a GitHub Actions secret, sealed to the repository's (or environment's) public key. */
export function addSecretAction(deps: CicdActionDeps): ActionDefinition<{ name: string; value: string; environment?: string }> {
  return {
    id: 'cicd.add-secret',
    title: 'Add secret',
    description: "Add or replace a GitHub Actions secret of this service's repository, optionally for one environment.",
    icon: 'key',
    kind: 'component',
    operation: 'day-2',
    // Every GitHub call reads the token secret, and nothing else.
    secrets: [deps.config.github.tokenSecret],
    permission: 'cicd.secrets',
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'value'],
      properties: {
        name: VARIABLE_NAME_SCHEMA,
        // writeOnly + format secret: the runner redacts it from the stored run.
        value: { type: 'string', title: 'Value', format: 'secret', writeOnly: true, minLength: 1, maxLength: 48 * 1024 },
        environment: { type: 'string', title: 'Environment (optional)', enum: environmentIds(deps.config) },
      },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        const component = requireComponent(ctx);
        const repository = repositoryOf(component, deps.config);
        const client = await deps.github(ctx.secrets);
        const { created } = await client.putActionsSecret(repository, ctx.inputs.name, ctx.inputs.value, ctx.inputs.environment);
        const scope = ctx.inputs.environment ? `environment ${ctx.inputs.environment} of ${repository}` : repository;
        ctx.logger.info(`${created ? 'Created' : 'Updated'} secret ${ctx.inputs.name} in ${scope}`);
        ctx.setOutput('created', created);
      },
    },
  };
}
