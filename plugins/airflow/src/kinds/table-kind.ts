import type { KindDefinition } from '@portico/plugin-api';

/**
 * One column of a table, as PostgreSQL's information_schema describes it.
 * @public
 */
export interface TableColumn {
  name: string;
  /** The type as PostgreSQL prints it (`character varying(80)`, `numeric(10,2)`). */
  type: string;
  nullable: boolean;
  default: string | null;
  position: number;
}

/**
 * A table of a cataloged database.
 * @public
 */
export const tableKind: KindDefinition = {
  id: 'table',
  title: 'Table',
  description: 'A PostgreSQL table: its schema, columns and size. Its columns change through the data engineering actions.',
  icon: 'table_chart',
  ownerKind: 'team',
  editable: ['owner', 'description'],
  schema: {
    type: 'object',
    required: ['database', 'schema', 'table', 'columns'],
    properties: {
      database: { type: 'string', title: 'Database' },
      schema: { type: 'string', title: 'Schema' },
      table: { type: 'string', title: 'Table' },
      columns: {
        type: 'array',
        title: 'Columns',
        items: {
          type: 'object',
          required: ['name', 'type', 'nullable'],
          properties: { name: { type: 'string' }, type: { type: 'string' }, nullable: { type: 'boolean' }, default: { type: ['string', 'null'] }, position: { type: 'integer' } },
        },
      },
      rowEstimate: { type: 'integer', title: 'Rows (estimate)' },
      simulated: { type: 'boolean', title: 'Embedded sample' },
    },
  },
  relations: {
    database: { target: 'database', required: true, title: 'Database', inverse: 'tables', inverseTitle: 'Tables' },
  },
};
