import type { KindDefinition } from '@portico/plugin-api';

/**
 * An interface components provide and consume (Backstage `API`).
 * @public
 */
export const apiKind: KindDefinition = {
  id: 'api',
  title: 'API',
  description: 'An interface that components provide to, and consume from, each other.',
  icon: 'api',
  ownerKind: 'team',
  schema: {
    type: 'object',
    required: ['type', 'lifecycle'],
    properties: {
      type: { type: 'string', title: 'Type', enum: ['openapi', 'asyncapi', 'graphql', 'grpc'], default: 'openapi' },
      lifecycle: { type: 'string', title: 'Lifecycle', enum: ['experimental', 'production', 'deprecated'], default: 'production' },
      definitionUrl: { type: 'string', title: 'Definition', format: 'url' },
    },
  },
  relations: {
    partOf: { target: 'system', title: 'Part of', inverse: 'hasPart', inverseTitle: 'Has part' },
  },
};
