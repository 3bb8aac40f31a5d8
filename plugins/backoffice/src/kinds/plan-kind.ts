import type { KindDefinition } from '@portico/plugin-api';

/**
 * A plan tier customers subscribe to, from the plugin's config.
 * @public
 */
export const planKind: KindDefinition = {
  id: 'plan',
  title: 'Plan',
  description: 'A plan tier: its rank, its limits and the Stripe prices it is billed with.',
  icon: 'workspace_premium',
  schema: {
    type: 'object',
    required: ['tier', 'priceIds'],
    properties: {
      tier: { type: 'integer', title: 'Tier', minimum: 0 },
      priceIds: { type: 'array', title: 'Stripe prices', items: { type: 'string' } },
      limits: { type: 'object', title: 'Limits', additionalProperties: { type: 'number' } },
    },
  },
  aggregation: { customerCount: { title: 'Customers', relation: 'customers', func: 'count' } },
};
