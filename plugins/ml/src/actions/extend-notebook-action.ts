import type { ActionDefinition } from '@portico/plugin-api';
import { hoursMs } from '../config/ml-config';
import { requireNotebookOwner } from '../notebooks/notebook-access';
import { required, target, type MlActionDeps } from './ml-action-deps';

/** Extend a notebook: moves its timer by some hours, never past its maximum lifetime. */
export function extendNotebookAction(deps: MlActionDeps): ActionDefinition<{ hours: number }> {
  const max = deps.config.jupyterhub?.maxHours ?? 72;
  return {
    id: 'ml.extend-notebook',
    title: 'Extend the notebook',
    description: `Keeps this notebook running longer, up to ${max} hours after it started.`,
    icon: 'more_time',
    kind: 'ml-notebook',
    operation: 'day-2',
    permission: 'ml.notebook.extend',
    condition: { combinator: 'and', rules: [{ property: 'status', operator: 'in', value: ['starting', 'ready'] }] },
    inputSchema: { type: 'object', additionalProperties: false, required: ['hours'], properties: { hours: { type: 'number', title: 'Hours more', exclusiveMinimum: 0, maximum: max, default: 4 } } },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        const notebook = target(ctx.entity, 'ml-notebook', 'notebook');
        requireNotebookOwner(ctx, notebook, 'extend it');
        if (!['starting', 'ready'].includes(String(notebook.properties.status))) throw new Error(`Notebook ${notebook.id} is ${notebook.properties.status}; start a new one.`);
        const current = Date.parse(required(notebook, 'expiresAt'));
        const limit = Date.parse(required(notebook, 'maxExpiresAt'));
        const next = Math.max(current, Date.now()) + hoursMs(deps.config, ctx.inputs.hours);
        if (next > limit) throw new Error(`Not extended: ${notebook.id} would then stop at ${new Date(next).toISOString()}, past its limit (${new Date(limit).toISOString()}, ${max} hours after it started). Extend it by less, or start a new one.`);
        const expiresAt = new Date(next).toISOString();
        await ctx.catalog.patch({ kind: 'ml-notebook', id: notebook.id }, { properties: { expiresAt } });
        ctx.logger.info(`${notebook.id} now stops at ${expiresAt} (was ${new Date(current).toISOString()})`);
        ctx.setOutput('expiresAt', expiresAt);
      },
    },
  };
}
