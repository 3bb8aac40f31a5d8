import type { WidgetDefinition } from '@portico/plugin-api';

/** Declared here so the kernel can list them; the components live in `src/ui`. */
export const airflowWidgets: WidgetDefinition[] = [
  { id: 'airflow.dag-run-grid', slot: 'entity.cards', title: 'Recent runs', component: 'DagRunGrid', condition: { kind: 'dag' }, order: 1 },
  { id: 'airflow.table-schema', slot: 'entity.cards', title: 'Columns', component: 'TableSchema', condition: { kind: 'table' }, order: 1 },
  { id: 'airflow.home-failed-runs', slot: 'home.widgets', title: 'Failed DAG runs of my teams', component: 'FailedDagRuns', order: 6 },
  { id: 'airflow.dag-conf', slot: 'form.fields', title: 'DAG conf', component: 'DagConfField' },
];
