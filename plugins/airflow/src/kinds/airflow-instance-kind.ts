import type { KindDefinition } from '@portico/plugin-api';

/**
 * One Airflow deployment the portal reads DAGs from.
 * @public
 */
export const airflowInstanceKind: KindDefinition = {
  id: 'airflow-instance',
  title: 'Airflow instance',
  description: 'An Apache Airflow deployment: its DAGs are cataloged and run from the portal.',
  icon: 'air',
  schema: {
    type: 'object',
    required: ['apiVersion', 'url'],
    properties: {
      apiVersion: { type: 'string', title: 'REST API', enum: ['v1', 'v2'] },
      url: { type: 'string', title: 'Airflow', format: 'url' },
      dagCount: { type: 'integer', title: 'DAGs' },
      simulated: { type: 'boolean', title: 'Simulated' },
    },
  },
};
