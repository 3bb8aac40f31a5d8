import type { AirflowDataset } from '../airflow/airflow-types';
import { tableEntityId } from './entity-ids';

/** Where a configured database lives, as its connection string says. */
export interface DatabaseLocation {
  id: string;
  host: string;
  databaseName: string;
}

/**
 * The Table entity a dataset or asset URI names, when it is a PostgreSQL table of a configured
 * database: `postgres://host:port/database/schema/table`, the URI Airflow's PostgreSQL provider
 * gives tables. The database is matched by name, and by host too when two share a name.
 */
export function tableOfDataset(uri: string, databases: DatabaseLocation[]): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return null;
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') return null;
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length !== 3) return null;
  const [databaseName, schema, table] = parts;
  const named = databases.filter((d) => d.databaseName === databaseName);
  const match = named.length > 1 ? named.find((d) => d.host.toLowerCase() === url.host.toLowerCase()) : named[0];
  return match ? tableEntityId(match.id, schema, table) : null;
}

/** Tables each DAG reads and writes according to datasets/assets, by DAG id. */
export function datasetLineage(datasets: AirflowDataset[], databases: DatabaseLocation[]): Map<string, { reads: string[]; writes: string[] }> {
  const byDag = new Map<string, { reads: string[]; writes: string[] }>();
  const entry = (dagId: string) => byDag.get(dagId) ?? byDag.set(dagId, { reads: [], writes: [] }).get(dagId)!;
  for (const dataset of datasets) {
    const table = tableOfDataset(dataset.uri, databases);
    if (!table) continue;
    for (const dag of dataset.producers) entry(dag).writes.push(table);
    for (const dag of dataset.consumers) entry(dag).reads.push(table);
  }
  return byDag;
}
