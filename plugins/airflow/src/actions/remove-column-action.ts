import type { ActionDefinition } from '@portico/plugin-api';
import type { AirflowActionDeps } from './airflow-action-deps';
import { DESTRUCTIVE_PERMISSION, requestApprovedChange } from './approved-change';
import { changeOptionsSchema, runTableChange, type ChangeOptions } from './run-table-change';

interface RemoveColumnInputs extends ChangeOptions {
  column: string;
}

export function removeColumnAction(deps: AirflowActionDeps): ActionDefinition<RemoveColumnInputs> {
  return {
    id: 'airflow.remove-column',
    title: 'Remove column',
    description: "Drops a column and its data. A dry run shows what would go; the real change waits for the table's owning team to approve.",
    icon: 'delete_sweep',
    kind: 'table',
    operation: 'day-2',
    timeoutMs: deps.config.approvalTimeoutMs,
    permission: DESTRUCTIVE_PERMISSION,
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['column'],
      properties: { column: { type: 'string', title: 'Column', minLength: 1, maxLength: 63 }, ...changeOptionsSchema },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        const change = { op: 'remove-column' as const, column: ctx.inputs.column };
        // A dry run changes nothing, so it needs no approval.
        if (ctx.inputs.dryRun) return runTableChange(ctx, deps, change, ctx.inputs);
        await requestApprovedChange(ctx, deps, change, ctx.inputs.lockTimeoutMs);
      },
    },
  };
}
