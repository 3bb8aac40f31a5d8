import type { ActionDefinition } from '@portico/plugin-api';
import type { DdlChange } from '../postgres/ddl-change';
import { isDestructive } from '../postgres/ddl-change';
import type { AirflowActionDeps } from './airflow-action-deps';
import { requestApprovedChange } from './approved-change';
import { changeOptionsSchema, runTableChange, type ChangeOptions } from './run-table-change';

interface UpdateColumnInputs extends ChangeOptions {
  column: string;
  newName?: string;
  type?: string;
  using?: string;
  nullability?: 'keep' | 'nullable' | 'not-null';
  default?: string;
  dropDefault?: boolean;
}

export function updateColumnAction(deps: AirflowActionDeps): ActionDefinition<UpdateColumnInputs> {
  return {
    id: 'airflow.update-column',
    title: 'Update column',
    description: "Renames a column, changes its type (optionally with a USING expression), its nullability or its default. A type change waits for the table's owning team to approve.",
    icon: 'edit_note',
    kind: 'table',
    operation: 'day-2',
    timeoutMs: deps.config.approvalTimeoutMs,
    permission: 'airflow.ddl',
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['column'],
      properties: {
        column: { type: 'string', title: 'Column', minLength: 1, maxLength: 63 },
        newName: { type: 'string', title: 'New name', minLength: 1, maxLength: 63 },
        type: { type: 'string', title: 'New type', minLength: 1, maxLength: 100, description: 'Changing the type rewrites the table and needs approval.' },
        using: { type: 'string', title: 'USING expression', minLength: 1, maxLength: 2000, description: 'How old values become the new type, e.g. amount::numeric / 100. Runs inside the transaction (rolled back on a dry run).' },
        nullability: { type: 'string', title: 'NULL values', enum: ['keep', 'nullable', 'not-null'], default: 'keep' },
        default: { type: 'string', title: 'New default value', maxLength: 1000, description: 'A value, quoted as a literal.' },
        dropDefault: { type: 'boolean', title: 'Remove the default', default: false },
        ...changeOptionsSchema,
      },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        const i = ctx.inputs;
        if (i.dropDefault && i.default !== undefined) throw new Error('Give a new default or remove the default, not both.');
        const change: DdlChange = {
          op: 'update-column',
          column: i.column,
          ...(i.newName !== undefined ? { rename: i.newName } : {}),
          ...(i.type !== undefined ? { type: i.type } : {}),
          ...(i.using !== undefined ? { using: i.using } : {}),
          ...(i.nullability === 'nullable' ? { nullable: true } : i.nullability === 'not-null' ? { nullable: false } : {}),
          ...(i.dropDefault ? { default: null } : i.default !== undefined ? { default: i.default } : {}),
        };
        if (i.dryRun || !isDestructive(change)) return runTableChange(ctx, deps, change, i);
        await requestApprovedChange(ctx, deps, change, i.lockTimeoutMs);
      },
    },
  };
}
