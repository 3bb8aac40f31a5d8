import type { ActionDefinition } from '@portico/plugin-api';
import { capacityProblem } from '../aws/auto-scaling-api';
import { noteSimulated, required, target, type CloudActionDeps } from './cloud-action-deps';

interface CapacityInputs {
  minSize?: number;
  maxSize?: number;
  desiredCapacity?: number;
}

const count = (title: string) => ({ type: 'integer', title, minimum: 0, maximum: 10_000 });

/** Update an auto-scaling group: min, max and desired, the desired count always within min and max. */
export function updateAutoScalingGroupAction(deps: CloudActionDeps): ActionDefinition<CapacityInputs> {
  return {
    id: 'cloud.update-auto-scaling-group',
    title: 'Update auto-scaling group',
    description: 'Changes the minimum, maximum and desired number of instances; the desired count must stay within the minimum and maximum.',
    icon: 'stacks',
    kind: 'auto-scaling-group',
    operation: 'day-2',
    permission: 'cloud.auto-scaling.update',
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: { minSize: count('Minimum'), maxSize: count('Maximum'), desiredCapacity: count('Desired') },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        noteSimulated(ctx, deps.config);
        const entity = target(ctx.entity, 'auto-scaling-group', 'auto-scaling group');
        const [account, name] = [required(entity, 'account'), required(entity, 'name')];
        const api = await deps.autoScaling(account);
        // Validated against AWS's current values, not the catalog's copy, which may be a sync behind.
        const current = await api.getGroup(name);
        if (!current) throw new Error(`AWS has no auto-scaling group "${name}" in "${account}" any more; the catalog catches up at the next sync.`);
        const next = { minSize: ctx.inputs.minSize ?? current.minSize, maxSize: ctx.inputs.maxSize ?? current.maxSize, desiredCapacity: ctx.inputs.desiredCapacity ?? current.desiredCapacity };
        const problem = capacityProblem(next);
        if (problem) throw new Error(`Nothing was changed: ${problem}. Pick values with minimum ≤ desired ≤ maximum (now ${current.minSize} ≤ ${current.desiredCapacity} ≤ ${current.maxSize}).`);
        await api.updateGroup(name, ctx.inputs);
        ctx.logger.info(`Updated ${name}: minimum ${current.minSize} → ${next.minSize}, maximum ${current.maxSize} → ${next.maxSize}, desired ${current.desiredCapacity} → ${next.desiredCapacity}`);
        await ctx.catalog.patch({ kind: 'auto-scaling-group', id: entity.id }, { properties: next });
        ctx.setOutput('before', { minSize: current.minSize, maxSize: current.maxSize, desiredCapacity: current.desiredCapacity });
        ctx.setOutput('after', next);
      },
    },
  };
}
