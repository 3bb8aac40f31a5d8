import type { ActionDefinition } from '@portico/plugin-api';
import { tableTarget, type AirflowActionDeps } from './airflow-action-deps';
import { changeOptionsSchema, runTableChange, type ChangeOptions } from './run-table-change';

interface DuplicateTableInputs extends ChangeOptions {
  newName: string;
  schema?: string;
  withData?: boolean;
}

export function duplicateTableAction(deps: AirflowActionDeps): ActionDefinition<DuplicateTableInputs> {
  return {
    id: 'airflow.duplicate-table',
    title: 'Duplicate table',
    description: 'Creates a copy of this table (columns, defaults, constraints, indexes), empty or with its rows, in this or another schema.',
    icon: 'content_copy',
    kind: 'table',
    operation: 'day-2',
    permission: 'airflow.ddl',
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['newName'],
      properties: {
        newName: { type: 'string', title: 'Name of the copy', minLength: 1, maxLength: 63 },
        schema: { type: 'string', title: 'Into schema', minLength: 1, maxLength: 63, description: "Default: this table's schema." },
        withData: { type: 'boolean', title: 'Copy the rows too', default: false },
        ...changeOptionsSchema,
      },
    },
    invocation: {
      type: 'handler',
      handler: (ctx) =>
        runTableChange(ctx, deps, { op: 'duplicate-table', targetSchema: ctx.inputs.schema ?? tableTarget(ctx.entity).schema, targetTable: ctx.inputs.newName, withData: ctx.inputs.withData ?? false }, ctx.inputs),
    },
  };
}
