import type { KindDefinition } from '@portico/plugin-api';

/**
 * A set of components, APIs and resources that deliver one capability (Backstage `System`).
 * @public
 */
export const systemKind: KindDefinition = {
  id: 'system',
  title: 'System',
  description: 'A collection of components, APIs and resources that together deliver one capability.',
  icon: 'hub',
  ownerKind: 'team',
  schema: {
    type: 'object',
    properties: {
      lifecycle: { type: 'string', title: 'Lifecycle', enum: ['experimental', 'production', 'deprecated'], default: 'production' },
    },
  },
  relations: {
    partOf: { target: 'domain', title: 'Part of', inverse: 'hasPart', inverseTitle: 'Has part' },
  },
  aggregation: {
    // Components, APIs and resources all point at a system with `partOf`.
    partCount: { title: 'Parts', relation: 'hasPart', func: 'count' },
  },
};
