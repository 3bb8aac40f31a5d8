import { createHash } from 'node:crypto';

const MAX = 200;

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/**
 * A catalog id for a name from Airflow or PostgreSQL: lower case, other characters as `-`.
 * When that loses information (upper case, quotes, spaces) a hash of the original keeps two
 * names that fold to the same text apart.
 */
export function slugId(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9._-]/g, '-').replace(/^[^a-z0-9]+/, '');
  const exact = slug === name && slug.length > 0;
  const base = (slug || 'x').slice(0, exact ? MAX : MAX - 9);
  return exact ? base : `${base}-${hash(name)}`;
}

/** The DAG entity of `dagId` on `instance` (instance `default` adds no prefix). */
export function dagEntityId(instance: string, dagId: string): string {
  return (instance === 'default' ? slugId(dagId) : `${instance}.${slugId(dagId)}`).slice(0, MAX);
}

/** A run's entity: its DAG's id, then the run id (which holds `:` and `+`, so always hashed). */
export function dagRunEntityId(instance: string, dagId: string, runId: string): string {
  const dag = dagEntityId(instance, dagId);
  const run = `${runId.toLowerCase().replace(/[^a-z0-9_-]/g, '-')}`.slice(0, Math.max(8, MAX - dag.length - 11));
  return `${dag}.${run}-${hash(`${dagId}\u0000${runId}`)}`.slice(0, MAX);
}

/** A table's entity: `<database>.<schema>.<table>`. */
export function tableEntityId(database: string, schema: string, table: string): string {
  const plain = /^[a-z0-9_]+$/;
  if (plain.test(schema) && plain.test(table)) return `${database}.${schema}.${table}`.slice(0, MAX);
  return `${database}.${slugId(`${schema}/${table}`)}`.slice(0, MAX);
}
