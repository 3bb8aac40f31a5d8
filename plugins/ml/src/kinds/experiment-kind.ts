import type { KindDefinition } from '@portico/plugin-api';

/**
 * An MLflow experiment, synced from the tracking server.
 * @public
 */
export const experimentKind: KindDefinition = {
  id: 'ml-experiment',
  title: 'Experiment',
  description: 'An MLflow experiment: the training runs of one problem, compared by their metrics.',
  icon: 'science',
  ownerKind: 'team',
  editable: ['owner', 'description'],
  schema: {
    type: 'object',
    required: ['experimentId', 'name'],
    properties: {
      experimentId: { type: 'string', title: 'MLflow experiment id' },
      name: { type: 'string', title: 'Name' },
      artifactLocation: { type: ['string', 'null'], title: 'Artifacts' },
      lifecycleStage: { type: 'string', title: 'Lifecycle stage' },
      lastUpdateTime: { type: ['string', 'null'], title: 'Last updated', format: 'date-time' },
      runCount: { type: 'integer', title: 'Recent runs', minimum: 0 },
      url: { type: 'string', title: 'In MLflow', format: 'url' },
    },
  },
};
