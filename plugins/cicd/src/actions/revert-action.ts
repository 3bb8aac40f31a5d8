import type { ActionDefinition } from '@portico/plugin-api';
import { listDeployments } from '../deployments/deployment-records';
import { runDeployment } from '../deployments/run-deployment';
import { environmentIds, requireComponent, type CicdActionDeps } from './cicd-action-deps';

export interface RevertInputs {
  environment: string;
  strategy: 'canary' | 'blue-green';
}

/** Deploys the version that was live before the current one. */
export function revertAction(deps: CicdActionDeps): ActionDefinition<RevertInputs> {
  return {
    id: 'cicd.revert',
    title: 'Revert deployment',
    description: 'Deploy again the version that was live before the current one in an environment.',
    icon: 'undo',
    kind: 'component',
    operation: 'day-2',
    // Every GitHub call reads the token secret, and nothing else.
    secrets: [deps.config.github.tokenSecret],
    condition: { combinator: 'and', rules: [{ property: 'type', operator: '=', value: 'service' }] },
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['environment'],
      properties: {
        environment: { type: 'string', title: 'Environment', enum: environmentIds(deps.config) },
        strategy: { type: 'string', title: 'Strategy', enum: ['canary', 'blue-green'], default: 'blue-green' },
      },
    },
    timeoutMs: 60 * 60 * 1000,
    invocation: {
      type: 'handler',
      async handler(ctx) {
        const component = requireComponent(ctx);
        const { environment } = ctx.inputs;
        const history = await listDeployments(ctx.catalog, component.id, environment, { status: 'succeeded' });
        const current = history[0];
        if (!current) throw new Error(`${component.id} has no successful deployment in ${environment}, so there is nothing to revert.`);
        const currentVersion = current.properties.version as string;
        const previous = history.find((d) => d.properties.version !== currentVersion);
        if (!previous) throw new Error(`${component.id} has no version in ${environment} before ${currentVersion} to revert to.`);
        const version = previous.properties.version as string;
        ctx.logger.info(`Reverting ${component.id} in ${environment} from ${currentVersion} to ${version}`);
        ctx.setOutput('fromVersion', currentVersion);
        ctx.setOutput('toVersion', version);
        await runDeployment(ctx, deps, { component, environment, version, strategy: ctx.inputs.strategy ?? 'blue-green', revertOf: current.id });
      },
    },
  };
}
