import type { KindDefinition } from '@portico/plugin-api';

/**
 * One model version's share of the endpoint's traffic.
 * @public
 */
export interface TrafficShare {
  version: string | null;
  role: 'champion' | 'challenger';
  percent: number;
}

/**
 * A KServe InferenceService serving a registered model.
 * @public
 */
export const servingEndpointKind: KindDefinition = {
  id: 'ml-serving-endpoint',
  title: 'Serving endpoint',
  description: 'A KServe InferenceService: the model versions it serves, the traffic split between them, its URL and whether it is ready.',
  icon: 'hub',
  ownerKind: 'team',
  schema: {
    type: 'object',
    required: ['environment', 'cluster', 'namespace', 'name', 'ready', 'traffic'],
    properties: {
      environment: { type: 'string', title: 'Environment' },
      cluster: { type: 'string', title: 'Cluster' },
      namespace: { type: 'string', title: 'Namespace' },
      name: { type: 'string', title: 'InferenceService' },
      model: { type: ['string', 'null'], title: 'Registered model' },
      championVersion: { type: ['string', 'null'], title: 'Champion version' },
      challengerVersion: { type: ['string', 'null'], title: 'Challenger version' },
      previousVersion: { type: ['string', 'null'], title: 'Previous version', description: 'What Revert goes back to.' },
      versionsServed: { type: 'array', title: 'Versions served', items: { type: 'string' } },
      traffic: {
        type: 'array',
        title: 'Traffic split',
        items: { type: 'object', required: ['role', 'percent'], properties: { version: { type: ['string', 'null'] }, role: { enum: ['champion', 'challenger'] }, percent: { type: 'number', minimum: 0, maximum: 100 } } },
      },
      url: { type: ['string', 'null'], title: 'URL', format: 'url' },
      ready: { type: 'boolean', title: 'Ready' },
      notReadyReason: { type: ['string', 'null'], title: 'Why not ready' },
    },
  },
  relations: {
    model: { target: 'ml-model', title: 'Model', inverse: 'servingEndpoints', inverseTitle: 'Serving endpoints' },
  },
};
