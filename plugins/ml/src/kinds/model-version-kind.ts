import type { KindDefinition } from '@portico/plugin-api';

/**
 * A version of a registered model: what Deploy serves.
 * @public
 */
export const modelVersionKind: KindDefinition = {
  id: 'ml-model-version',
  title: 'Model version',
  description: 'One version of a registered model: its aliases, the run that produced it and that run\'s metrics.',
  icon: 'label',
  ownerKind: 'team',
  schema: {
    type: 'object',
    required: ['model', 'version', 'status'],
    properties: {
      model: { type: 'string', title: 'Registered model' },
      version: { type: 'string', title: 'Version' },
      aliases: { type: 'array', title: 'Aliases', items: { type: 'string' } },
      stage: { type: ['string', 'null'], title: 'Stage' },
      status: { type: 'string', title: 'Registration status' },
      source: { type: ['string', 'null'], title: 'Artifacts' },
      runId: { type: ['string', 'null'], title: 'Source run' },
      metrics: { type: 'object', title: 'Metrics', additionalProperties: { type: 'number' } },
      createdAt: { type: ['string', 'null'], title: 'Registered', format: 'date-time' },
      url: { type: 'string', title: 'In MLflow', format: 'url' },
    },
  },
  relations: {
    model: { target: 'ml-model', required: true, title: 'Model', inverse: 'modelVersions', inverseTitle: 'Versions' },
    run: { target: 'ml-training-run', title: 'Source run', inverse: 'producedVersions', inverseTitle: 'Model versions' },
  },
};
