import type { ActionDefinition } from '@portico/plugin-api';
import type { WorkloadType } from '../kubernetes/kubernetes-api';
import { noteSimulated, required, target, type CloudActionDeps } from './cloud-action-deps';

/** Restart a rollout, as `kubectl rollout restart` does: pods are replaced one by one. */
export function restartRolloutAction(deps: CloudActionDeps): ActionDefinition<{ reason?: string }> {
  return {
    id: 'cloud.restart-rollout',
    title: 'Restart rollout',
    description: 'Replaces every pod of this workload, following its rollout strategy.',
    icon: 'restart_alt',
    kind: 'workload',
    operation: 'day-2',
    permission: 'cloud.workload.restart',
    inputSchema: { type: 'object', additionalProperties: false, properties: { reason: { type: 'string', title: 'Why', maxLength: 500 } } },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        noteSimulated(ctx, deps.config);
        const workload = target(ctx.entity, 'workload', 'workload');
        const [cluster, namespace, name] = [required(workload, 'cluster'), required(workload, 'namespace'), required(workload, 'name')];
        const type = required(workload, 'workloadType') as WorkloadType;
        const at = new Date().toISOString();
        await (await deps.kubernetes(cluster)).restart(type, namespace, name, at);
        ctx.logger.info(`Restarted the rollout of ${type} ${namespace}/${name} on cluster "${cluster}" at ${at}${ctx.inputs.reason ? ` (${ctx.inputs.reason})` : ''}`);
        await ctx.catalog.patch({ kind: 'workload', id: workload.id }, { properties: { restartedAt: at } });
        ctx.setOutput('restartedAt', at);
      },
    },
  };
}
