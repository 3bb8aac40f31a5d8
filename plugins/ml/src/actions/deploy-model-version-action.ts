import type { ActionDefinition } from '@portico/plugin-api';
import { servingTarget } from '../config/ml-config';
import { runServingChange } from '../serving/run-serving-change';
import { noteSimulated, required, target, type MlActionDeps } from './ml-action-deps';

interface DeployInputs {
  environment: string;
  endpoint: string;
}

/** Deploy a model version as the champion of an endpoint, creating its InferenceService if needed. */
export function deployModelVersionAction(deps: MlActionDeps): ActionDefinition<DeployInputs> {
  const environments = deps.config.serving.map((s) => s.environment);
  return {
    id: 'ml.deploy-model-version',
    title: 'Deploy to an endpoint',
    description: 'Serves this version on a KServe endpoint (created if new), waits until it is ready, and moves the champion alias to it. In production the model\'s owning team approves first.',
    icon: 'rocket_launch',
    kind: 'ml-model-version',
    operation: 'day-2',
    permission: 'ml.serving.deploy',
    timeoutMs: 7 * 24 * 3600 * 1000,
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['environment', 'endpoint'],
      properties: {
        environment: { type: 'string', title: 'Environment', ...(environments.length ? { enum: environments, default: environments[0] } : {}) },
        endpoint: { type: 'string', title: 'Endpoint', description: 'The InferenceService name: lower-case letters, digits and dashes.', pattern: '^[a-z]([-a-z0-9]{0,43}[a-z0-9])?$' },
      },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        noteSimulated(ctx, deps.config);
        const version = target(ctx.entity, 'ml-model-version', 'model version');
        const where = { ...servingTarget(deps.config, ctx.inputs.environment), name: ctx.inputs.endpoint };
        await runServingChange(ctx, deps, where, required(version, 'model'), { op: 'deploy', version: required(version, 'version') });
      },
    },
  };
}
