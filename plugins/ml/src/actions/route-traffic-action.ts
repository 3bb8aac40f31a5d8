import type { ActionDefinition } from '@portico/plugin-api';
import { locationOf, runServingChange } from '../serving/run-serving-change';
import { noteSimulated, required, target, type MlActionDeps } from './ml-action-deps';

interface RouteInputs {
  percent: number;
  version?: string;
}

/** A/B traffic: start a challenger beside the champion with a share of the traffic, or change that share. */
export function routeTrafficAction(deps: MlActionDeps): ActionDefinition<RouteInputs> {
  return {
    id: 'ml.route-traffic',
    title: 'Route A/B traffic',
    description: 'Serves a challenger version beside the champion with a percentage of the traffic, or changes the split of the challenger already served.',
    icon: 'call_split',
    kind: 'ml-serving-endpoint',
    operation: 'day-2',
    permission: 'ml.serving.traffic',
    timeoutMs: 7 * 24 * 3600 * 1000,
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['percent'],
      properties: {
        percent: { type: 'integer', title: 'Challenger traffic (%)', description: 'The share of requests the challenger gets; the champion gets the rest.', minimum: 0, maximum: 100, default: 10 },
        version: { type: 'string', title: 'Challenger version', description: 'Leave empty to change the split of the current challenger.', pattern: '^[0-9]+$' },
      },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        noteSimulated(ctx, deps.config);
        const endpoint = target(ctx.entity, 'ml-serving-endpoint', 'serving endpoint');
        const { version, percent } = ctx.inputs;
        const change = version && version !== endpoint.properties.challengerVersion ? { op: 'start-challenger' as const, version, percent } : { op: 'set-traffic' as const, percent };
        await runServingChange(ctx, deps, locationOf(endpoint), required(endpoint, 'model'), change);
      },
    },
  };
}
