import type { KindDefinition } from '@portico/plugin-api';

/**
 * Where services run: development, staging, production...
 * @public
 */
export const environmentKind: KindDefinition = {
  id: 'environment',
  title: 'Environment',
  description: 'A place services are deployed to, such as staging or production.',
  icon: 'cloud',
  schema: {
    type: 'object',
    required: ['tier'],
    properties: {
      tier: { type: 'string', title: 'Tier', enum: ['development', 'staging', 'production'] },
      order: { type: 'number', title: 'Order', description: 'Column order in the deployments matrix.' },
      url: { type: 'string', title: 'URL', format: 'url' },
    },
  },
};
