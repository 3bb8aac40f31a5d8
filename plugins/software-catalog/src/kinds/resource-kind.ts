import type { KindDefinition } from '@portico/plugin-api';

/**
 * Infrastructure a component needs at run time: a database, a bucket, a queue (Backstage `Resource`).
 * @public
 */
export const resourceKind: KindDefinition = {
  id: 'resource',
  title: 'Resource',
  description: 'Infrastructure a component needs to run, such as a database or a bucket.',
  icon: 'storage',
  ownerKind: 'team',
  schema: {
    type: 'object',
    required: ['type'],
    properties: {
      type: { type: 'string', title: 'Type', examples: ['database', 'bucket', 'queue', 'cache'] },
    },
  },
  relations: {
    partOf: { target: 'system', title: 'Part of', inverse: 'hasPart', inverseTitle: 'Has part' },
  },
};
