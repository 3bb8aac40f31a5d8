import type { KindDefinition } from '@portico/plugin-api';

/**
 * A dataset written by Pre-process dataset (or recorded by hand).
 * @public
 */
export const datasetKind: KindDefinition = {
  id: 'ml-dataset',
  title: 'Dataset',
  description: 'A dataset for training: where it is stored and the Job that wrote it.',
  icon: 'dataset',
  ownerKind: 'team',
  editable: ['owner', 'description', 'location'],
  schema: {
    type: 'object',
    required: ['location'],
    properties: {
      location: { type: 'string', title: 'Location', description: 'Where it is stored, e.g. s3://datasets/churn/2026-12-01.' },
      status: { type: 'string', title: 'Status', enum: ['writing', 'ready', 'failed'] },
      template: { type: ['string', 'null'], title: 'Written by template' },
      job: { type: ['string', 'null'], title: 'Kubernetes Job' },
      parameters: { type: 'object', title: 'Parameters' },
      writtenAt: { type: ['string', 'null'], title: 'Written', format: 'date-time' },
      error: { type: ['string', 'null'], title: 'Last error' },
    },
  },
};
