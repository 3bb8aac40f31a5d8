import { airflowPlugin } from './plugin';

export { airflowPlugin as plugin, airflowPlugin };
export { airflowKinds, airflowInstanceKind, dagKind, dagRunKind, databaseKind, tableKind } from './kinds';
export type { GridRun, GridTask } from './kinds/dag-kind';
export type { TableColumn } from './kinds/table-kind';
export { airflowConfigSchema, resolveAirflowConfig, type AirflowConfig, type InstanceConfig, type DatabaseConfig, type DagSettings } from './config/airflow-config';
export { AirflowClient, type AirflowClientOptions, type AirflowCredentials } from './airflow/airflow-client';
export { AirflowApiError } from './airflow/airflow-api-error';
export type { AirflowApi } from './airflow/airflow-api';
export type { AirflowDag, AirflowDagRun, AirflowDataset, AirflowTaskInstance, DagRunState, TaskState, TriggerDagRun } from './airflow/airflow-types';
export type { DdlChange } from './postgres/ddl-change';
export default airflowPlugin;
