import type { KindDefinition } from '@portico/plugin-api';

/**
 * A PostgreSQL database whose tables are cataloged.
 * @public
 */
export const databaseKind: KindDefinition = {
  id: 'database',
  title: 'Database',
  description: 'A PostgreSQL database: its tables, their columns, and who owns them.',
  icon: 'storage',
  ownerKind: 'team',
  schema: {
    type: 'object',
    required: ['engine'],
    properties: {
      engine: { type: 'string', title: 'Engine', enum: ['postgresql'] },
      databaseName: { type: 'string', title: 'Database name' },
      host: { type: 'string', title: 'Host' },
      serverVersion: { type: 'string', title: 'Server version' },
      tableCount: { type: 'integer', title: 'Tables' },
      simulated: { type: 'boolean', title: 'Embedded sample' },
    },
  },
};
