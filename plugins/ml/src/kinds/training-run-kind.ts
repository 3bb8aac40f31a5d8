import type { KindDefinition } from '@portico/plugin-api';
import { RUN_STATUSES } from '../mlflow/mlflow-types';

/**
 * One MLflow run: synced, or started by Train model and followed to its end.
 * @public
 */
export const trainingRunKind: KindDefinition = {
  id: 'ml-training-run',
  title: 'Training run',
  description: 'One MLflow run of an experiment: its status, parameters and metrics.',
  icon: 'model_training',
  ownerKind: 'team',
  schema: {
    type: 'object',
    required: ['runId', 'experimentId', 'status'],
    properties: {
      runId: { type: 'string', title: 'MLflow run id' },
      runName: { type: ['string', 'null'], title: 'Run name' },
      experimentId: { type: 'string', title: 'Experiment id' },
      status: { type: 'string', title: 'Status', enum: [...RUN_STATUSES] },
      startTime: { type: ['string', 'null'], title: 'Started', format: 'date-time' },
      endTime: { type: ['string', 'null'], title: 'Ended', format: 'date-time' },
      userId: { type: ['string', 'null'], title: 'By' },
      metrics: { type: 'object', title: 'Metrics', additionalProperties: { type: 'number' } },
      params: { type: 'object', title: 'Parameters', additionalProperties: { type: 'string' } },
      portalRunId: { type: ['string', 'null'], title: 'Portal run' },
      url: { type: 'string', title: 'In MLflow', format: 'url' },
    },
  },
  relations: {
    experiment: { target: 'ml-experiment', required: true, title: 'Experiment', inverse: 'runs', inverseTitle: 'Training runs' },
  },
};
