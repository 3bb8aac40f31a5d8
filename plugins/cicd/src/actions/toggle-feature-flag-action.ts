import type { ActionDefinition } from '@portico/plugin-api';
import { environmentIds, repositoryOf, requireComponent, type CicdActionDeps } from './cicd-action-deps';

/**
 * Feature flags live as GitHub Actions environment variables (`FEATURE_<FLAG>` = `true` /
 * `false`) that the deploy workflow passes to the service: no flag service to run, and
 * the value is versioned with the environment in GitHub.
 */
export function toggleFeatureFlagAction(deps: CicdActionDeps): ActionDefinition<{ flag: string; environment: string; enabled: boolean }> {
  return {
    id: 'cicd.toggle-feature-flag',
    title: 'Toggle feature flag',
    description: 'Turn a feature flag of this service on or off in an environment.',
    icon: 'toggle_on',
    kind: 'component',
    operation: 'day-2',
    // Every GitHub call reads the token secret, and nothing else.
    secrets: [deps.config.github.tokenSecret],
    condition: { combinator: 'and', rules: [{ property: 'type', operator: '=', value: 'service' }] },
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['flag', 'environment', 'enabled'],
      properties: {
        flag: { type: 'string', title: 'Flag', pattern: '^[A-Za-z][A-Za-z0-9_]*$', maxLength: 80 },
        environment: { type: 'string', title: 'Environment', enum: environmentIds(deps.config) },
        enabled: { type: 'boolean', title: 'Enabled' },
      },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        const component = requireComponent(ctx);
        const repository = repositoryOf(component, deps.config);
        const client = await deps.github(ctx.secrets);
        const name = `${deps.config.featureFlagPrefix}${ctx.inputs.flag.toUpperCase()}`;
        const before = await client.getActionsVariable(repository, name, ctx.inputs.environment);
        const value = String(ctx.inputs.enabled);
        await client.setActionsVariable(repository, name, value, ctx.inputs.environment);
        ctx.setOutput('variable', name);
        ctx.setOutput('previous', before);
        ctx.setOutput('enabled', ctx.inputs.enabled);
        ctx.logger.info(`${name} in ${repository} (${ctx.inputs.environment}): ${before ?? 'unset'} → ${value}. It applies from the next deploy.`);
      },
    },
  };
}
