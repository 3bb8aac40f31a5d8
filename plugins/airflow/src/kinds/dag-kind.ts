import type { KindDefinition } from '@portico/plugin-api';
import { DAG_RUN_STATES } from '../airflow/airflow-types';

/**
 * One task of a recent run, for the grid.
 * @public
 */
export interface GridTask {
  taskId: string;
  state: string | null;
}

/**
 * One recent run of a DAG as the grid shows it, newest first.
 * @public
 */
export interface GridRun {
  runId: string;
  state: string;
  startDate: string | null;
  endDate: string | null;
  url: string;
  tasks: GridTask[];
}

const gridRunSchema = {
  type: 'object',
  required: ['runId', 'state', 'tasks'],
  properties: {
    runId: { type: 'string' },
    state: { type: 'string' },
    startDate: { type: ['string', 'null'] },
    endDate: { type: ['string', 'null'] },
    url: { type: 'string' },
    tasks: { type: 'array', items: { type: 'object', required: ['taskId'], properties: { taskId: { type: 'string' }, state: { type: ['string', 'null'] } } } },
  },
};

/**
 * An Airflow DAG, synced from its instance.
 * @public
 */
export const dagKind: KindDefinition = {
  id: 'dag',
  title: 'DAG',
  description: 'An Airflow DAG: a data pipeline, its schedule and its recent runs.',
  icon: 'account_tree',
  ownerKind: 'team',
  // People may set who owns it, the conf schema of its runs and its lineage; Airflow owns the rest.
  editable: ['owner', 'description', 'confSchema', 'relations.reads', 'relations.writes'],
  schema: {
    type: 'object',
    required: ['dagId', 'instance', 'isPaused'],
    properties: {
      dagId: { type: 'string', title: 'DAG id' },
      instance: { type: 'string', title: 'Airflow instance' },
      owners: { type: 'array', title: 'Airflow owners', items: { type: 'string' } },
      schedule: { type: ['string', 'null'], title: 'Schedule' },
      isPaused: { type: 'boolean', title: 'Paused' },
      tags: { type: 'array', title: 'Tags', items: { type: 'string' } },
      lastRunState: { type: ['string', 'null'], title: 'Last run', enum: [...DAG_RUN_STATES, null] },
      lastRunAt: { type: ['string', 'null'], title: 'Last run started', format: 'date-time' },
      nextRunAt: { type: ['string', 'null'], title: 'Next run', format: 'date-time' },
      url: { type: 'string', title: 'In Airflow', format: 'url' },
      confSchema: { type: 'object', title: 'Conf schema', description: 'A JSON Schema the conf of a run started from the portal must satisfy.' },
      recentRuns: { type: 'array', title: 'Recent runs', items: gridRunSchema },
    },
  },
  relations: {
    instance: { target: 'airflow-instance', title: 'Airflow instance', inverse: 'dags', inverseTitle: 'DAGs' },
    reads: { target: 'table', many: true, title: 'Reads', inverse: 'readBy', inverseTitle: 'Read by DAGs' },
    writes: { target: 'table', many: true, title: 'Writes', inverse: 'writtenBy', inverseTitle: 'Written by DAGs' },
  },
};
