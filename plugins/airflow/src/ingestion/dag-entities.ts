import type { Entity, EntityInput } from '@portico/plugin-api';
import type { AirflowApi } from '../airflow/airflow-api';
import type { AirflowDag, AirflowDagRun, AirflowTaskInstance } from '../airflow/airflow-types';
import type { AirflowConfig, DagSettings } from '../config/airflow-config';
import type { GridRun } from '../kinds/dag-kind';
import { dagEntityId, dagRunEntityId } from './entity-ids';

/** What the config says about a DAG of an instance. */
export function dagSettings(config: AirflowConfig, instance: string, dagId: string): DagSettings | undefined {
  return config.dags.find((d) => d.dagId === dagId && (d.instance ?? 'default') === instance) ?? config.dags.find((d) => d.dagId === dagId && d.instance === undefined);
}

/** Table ids a DAG reads and writes: from the config, tags `reads:<table id>` / `writes:<table id>`, and datasets/assets. */
export function lineageOf(config: AirflowConfig, instance: string, dag: AirflowDag, fromDatasets?: { reads: string[]; writes: string[] }): { reads: string[]; writes: string[] } {
  const settings = dagSettings(config, instance, dag.dagId);
  const fromTags = (prefix: string) => dag.tags.filter((t) => t.startsWith(prefix)).map((t) => t.slice(prefix.length));
  return {
    reads: [...new Set([...(settings?.reads ?? []), ...fromTags('reads:'), ...(fromDatasets?.reads ?? [])])],
    writes: [...new Set([...(settings?.writes ?? []), ...fromTags('writes:'), ...(fromDatasets?.writes ?? [])])],
  };
}

export function gridRun(api: AirflowApi, run: AirflowDagRun, tasks: AirflowTaskInstance[]): GridRun {
  return { runId: run.runId, state: run.state, startDate: run.startDate, endDate: run.endDate, url: api.runUrl(run.dagId, run.runId), tasks: tasks.map((t) => ({ taskId: t.taskId, state: t.state })) };
}

export interface DagEntityInput {
  instance: string;
  dag: AirflowDag;
  runs: GridRun[];
  owner: string | undefined;
  url: string;
  stored: Entity | undefined;
  config: AirflowConfig;
  /** Lineage targets that exist in the catalog. */
  tables: Set<string>;
  /** What datasets/assets say the DAG reads and writes. */
  fromDatasets?: { reads: string[]; writes: string[] };
}

/** The DAG entity; the conf schema and lineage people set on it survive the resync. */
export function dagEntity({ instance, dag, runs, owner, url, stored, config, tables, fromDatasets }: DagEntityInput): EntityInput {
  const settings = dagSettings(config, instance, dag.dagId);
  const lineage = lineageOf(config, instance, dag, fromDatasets);
  const keep = (name: 'reads' | 'writes'): string[] => {
    const known = lineage[name].filter((id) => tables.has(id));
    const kept = stored?.relations[name];
    return [...new Set([...known, ...(Array.isArray(kept) ? kept : typeof kept === 'string' ? [kept] : [])])];
  };
  const confSchema = settings?.confSchema ?? (stored?.properties.confSchema as Record<string, unknown> | undefined);
  const last = runs[0];
  return {
    kind: 'dag',
    id: dagEntityId(instance, dag.dagId),
    title: dag.displayName,
    ...(dag.description ? { description: dag.description } : stored?.description ? { description: stored.description } : {}),
    ...(owner ? { owner } : stored?.owner ? { owner: stored.owner } : {}),
    properties: {
      dagId: dag.dagId,
      instance,
      owners: dag.owners,
      schedule: dag.schedule,
      isPaused: dag.isPaused,
      tags: dag.tags,
      lastRunState: last?.state ?? null,
      lastRunAt: last?.startDate ?? null,
      nextRunAt: dag.nextRunAt,
      url,
      recentRuns: runs,
      ...(confSchema ? { confSchema } : {}),
    },
    relations: { instance, reads: keep('reads'), writes: keep('writes') },
  };
}

export function dagRunEntity(api: AirflowApi, instance: string, run: AirflowDagRun, tasks: AirflowTaskInstance[], owner: string | undefined): EntityInput {
  return {
    kind: 'dag-run',
    id: dagRunEntityId(instance, run.dagId, run.runId),
    title: `${run.dagId} ${run.runId}`,
    ...(owner ? { owner } : {}),
    properties: {
      dagId: run.dagId,
      runId: run.runId,
      instance,
      state: run.state,
      runType: run.runType,
      logicalDate: run.logicalDate,
      startDate: run.startDate,
      endDate: run.endDate,
      conf: run.conf,
      url: api.runUrl(run.dagId, run.runId),
      failedTasks: tasks.filter((t) => t.state === 'failed').map((t) => t.taskId),
    },
    relations: { dag: dagEntityId(instance, run.dagId) },
  };
}
