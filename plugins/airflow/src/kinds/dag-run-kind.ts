import type { KindDefinition } from '@portico/plugin-api';
import { DAG_RUN_STATES } from '../airflow/airflow-types';

/**
 * One run of a DAG, synced from Airflow or started from the portal.
 * @public
 */
export const dagRunKind: KindDefinition = {
  id: 'dag-run',
  title: 'DAG run',
  description: 'One run of an Airflow DAG: its state, times and conf.',
  icon: 'play_circle',
  ownerKind: 'team',
  schema: {
    type: 'object',
    required: ['dagId', 'runId', 'instance', 'state'],
    properties: {
      dagId: { type: 'string', title: 'DAG id' },
      runId: { type: 'string', title: 'Run id' },
      instance: { type: 'string', title: 'Airflow instance' },
      state: { type: 'string', title: 'State', enum: [...DAG_RUN_STATES] },
      runType: { type: ['string', 'null'], title: 'Run type' },
      logicalDate: { type: ['string', 'null'], title: 'Logical date', format: 'date-time' },
      startDate: { type: ['string', 'null'], title: 'Started', format: 'date-time' },
      endDate: { type: ['string', 'null'], title: 'Ended', format: 'date-time' },
      conf: { type: 'object', title: 'Conf' },
      url: { type: 'string', title: 'In Airflow', format: 'url' },
      failedTasks: { type: 'array', title: 'Failed tasks', items: { type: 'string' } },
    },
  },
  relations: {
    dag: { target: 'dag', required: true, title: 'DAG', inverse: 'runs', inverseTitle: 'Runs' },
  },
};
