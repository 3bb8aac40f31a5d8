import type { ActionDefinition } from '@portico/plugin-api';
import type { WorkloadType } from '../kubernetes/kubernetes-api';
import { noteSimulated, required, target, type CloudActionDeps } from './cloud-action-deps';

interface ScaleInputs {
  replicas: number;
  reason?: string;
}

/** Update pod count: the workload's scale subresource, refused if someone scaled it meanwhile. */
export function scaleWorkloadAction(deps: CloudActionDeps): ActionDefinition<ScaleInputs> {
  return {
    id: 'cloud.scale-workload',
    title: 'Update pod count',
    description: 'Sets how many pods this Deployment or StatefulSet runs, through its scale subresource.',
    icon: 'tune',
    kind: 'workload',
    operation: 'day-2',
    permission: 'cloud.workload.scale',
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['replicas'],
      properties: {
        replicas: { type: 'integer', title: 'Pods', minimum: 0, maximum: deps.config.maxReplicas, description: `0 stops it; at most ${deps.config.maxReplicas}.` },
        reason: { type: 'string', title: 'Why', maxLength: 500 },
      },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        noteSimulated(ctx, deps.config);
        const workload = target(ctx.entity, 'workload', 'workload');
        const [cluster, namespace, name] = [required(workload, 'cluster'), required(workload, 'namespace'), required(workload, 'name')];
        const type = required(workload, 'workloadType') as WorkloadType;
        const api = await deps.kubernetes(cluster);
        const { from, to } = await api.scale(type, namespace, name, ctx.inputs.replicas);
        ctx.logger.info(`Scaled ${type} ${namespace}/${name} on cluster "${cluster}" from ${from} to ${to} pods${ctx.inputs.reason ? ` (${ctx.inputs.reason})` : ''}`);
        await ctx.catalog.patch({ kind: 'workload', id: workload.id }, { properties: { replicasDesired: to } });
        ctx.setOutput('from', from);
        ctx.setOutput('to', to);
      },
    },
  };
}
