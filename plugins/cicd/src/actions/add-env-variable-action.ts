import type { ActionDefinition } from '@portico/plugin-api';
import { environmentIds, repositoryOf, requireComponent, type CicdActionDeps } from './cicd-action-deps';
import { VARIABLE_NAME_SCHEMA } from './variable-name-schema';

/** Sets a GitHub Actions variable that the deploy workflow hands to the service. */
export function addEnvVariableAction(deps: CicdActionDeps): ActionDefinition<{ name: string; value: string; environment?: string }> {
  return {
    id: 'cicd.add-env-variable',
    title: 'Add environment variable',
    description: "Add or change an environment variable of this service (a GitHub Actions variable, optionally for one environment).",
    icon: 'tune',
    kind: 'component',
    operation: 'day-2',
    // Every GitHub call reads the token secret, and nothing else.
    secrets: [deps.config.github.tokenSecret],
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'value'],
      properties: {
        name: VARIABLE_NAME_SCHEMA,
        value: { type: 'string', title: 'Value', maxLength: 48 * 1024 },
        environment: { type: 'string', title: 'Environment (optional)', enum: environmentIds(deps.config) },
      },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        const component = requireComponent(ctx);
        const repository = repositoryOf(component, deps.config);
        const client = await deps.github(ctx.secrets);
        const { created } = await client.setActionsVariable(repository, ctx.inputs.name, ctx.inputs.value, ctx.inputs.environment);
        const scope = ctx.inputs.environment ? `environment ${ctx.inputs.environment} of ${repository}` : repository;
        ctx.logger.info(`${created ? 'Created' : 'Updated'} variable ${ctx.inputs.name} in ${scope}; it applies from the next deploy.`);
        ctx.setOutput('created', created);
      },
    },
  };
}
