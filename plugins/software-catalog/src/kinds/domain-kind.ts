import type { KindDefinition } from '@portico/plugin-api';

/**
 * A business area that groups systems (Backstage `Domain`).
 * @public
 */
export const domainKind: KindDefinition = {
  id: 'domain',
  title: 'Domain',
  description: 'A business area grouping related systems, such as "Order".',
  icon: 'domain',
  ownerKind: 'team',
  schema: {
    type: 'object',
    properties: {
      lifecycle: { type: 'string', title: 'Lifecycle', enum: ['experimental', 'production', 'deprecated'], default: 'production' },
    },
  },
};
