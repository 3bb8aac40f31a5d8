import type { ActionDefinition } from '@portico/plugin-api';
import type { DeploymentStrategy } from '../deployments/deployment-records';
import { runDeployment } from '../deployments/run-deployment';
import { environmentIds, requireComponent, type CicdActionDeps } from './cicd-action-deps';

export interface DeployInputs {
  environment: string;
  version: string;
  strategy: Extract<DeploymentStrategy, 'canary' | 'blue-green'>;
  canaryPercent?: number;
}

/** Dispatches the deploy workflow and follows its run; refuses while the service is locked in that environment. */
export function deployAction(deps: CicdActionDeps): ActionDefinition<DeployInputs> {
  return {
    id: 'cicd.deploy',
    title: 'Deploy',
    description: 'Deploy a version of this service to an environment (canary or blue-green) through its GitHub Actions deploy workflow.',
    icon: 'rocket_launch',
    kind: 'component',
    operation: 'day-2',
    // Every GitHub call reads the token secret, and nothing else.
    secrets: [deps.config.github.tokenSecret],
    condition: { combinator: 'and', rules: [{ property: 'type', operator: '=', value: 'service' }] },
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['environment', 'version', 'strategy'],
      properties: {
        environment: { type: 'string', title: 'Environment', enum: environmentIds(deps.config) },
        version: { type: 'string', title: 'Version', description: 'Tag or version to deploy, e.g. 1.4.2', pattern: '^[A-Za-z0-9][A-Za-z0-9._+-]*$', maxLength: 100 },
        strategy: { type: 'string', title: 'Strategy', enum: ['canary', 'blue-green'], default: 'canary' },
        canaryPercent: { type: 'integer', title: 'Canary traffic (%)', minimum: 1, maximum: 100, default: 10 },
      },
    },
    timeoutMs: 60 * 60 * 1000,
    invocation: {
      type: 'handler',
      async handler(ctx) {
        const component = requireComponent(ctx);
        await runDeployment(ctx, deps, {
          component,
          environment: ctx.inputs.environment,
          version: ctx.inputs.version,
          strategy: ctx.inputs.strategy,
          canaryPercent: ctx.inputs.canaryPercent,
        });
      },
    },
  };
}
