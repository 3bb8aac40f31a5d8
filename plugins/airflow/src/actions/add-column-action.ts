import type { ActionDefinition } from '@portico/plugin-api';
import type { AirflowActionDeps } from './airflow-action-deps';
import { changeOptionsSchema, runTableChange, type ChangeOptions } from './run-table-change';

interface AddColumnInputs extends ChangeOptions {
  name: string;
  type: string;
  nullable?: boolean;
  default?: string;
}

export function addColumnAction(deps: AirflowActionDeps): ActionDefinition<AddColumnInputs> {
  return {
    id: 'airflow.add-column',
    title: 'Add column',
    description: 'Adds a column to this table (ALTER TABLE … ADD COLUMN), with its name quoted, in a transaction with a lock timeout.',
    icon: 'add_box',
    kind: 'table',
    operation: 'day-2',
    permission: 'airflow.ddl',
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'type'],
      properties: {
        name: { type: 'string', title: 'Column name', minLength: 1, maxLength: 63 },
        type: { type: 'string', title: 'Type', minLength: 1, maxLength: 100, description: 'A PostgreSQL type: text, integer, bigint, numeric(12,2), varchar(80), boolean, timestamptz, jsonb, uuid…' },
        nullable: { type: 'boolean', title: 'Allows NULL', default: true },
        default: { type: 'string', title: 'Default value', maxLength: 1000, description: 'A value, not an expression: it is quoted as a literal and converted to the type.' },
        ...changeOptionsSchema,
      },
    },
    invocation: {
      type: 'handler',
      handler: (ctx) =>
        runTableChange(ctx, deps, { op: 'add-column', column: ctx.inputs.name, type: ctx.inputs.type, nullable: ctx.inputs.nullable ?? true, ...(ctx.inputs.default !== undefined ? { default: ctx.inputs.default } : {}) }, ctx.inputs),
    },
  };
}
