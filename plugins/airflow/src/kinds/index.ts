import type { KindDefinition } from '@portico/plugin-api';
import { airflowInstanceKind } from './airflow-instance-kind';
import { dagKind } from './dag-kind';
import { dagRunKind } from './dag-run-kind';
import { databaseKind } from './database-kind';
import { tableKind } from './table-kind';

export { airflowInstanceKind, dagKind, dagRunKind, databaseKind, tableKind };

/**
 * In the order they must be registered: relations point at kinds registered before.
 * @public
 */
export const airflowKinds: KindDefinition[] = [airflowInstanceKind, databaseKind, tableKind, dagKind, dagRunKind];
