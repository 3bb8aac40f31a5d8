import type { CatalogService, EntityInput, EntityProvider, EntityRef, LoggerService } from '@portico/plugin-api';
import type { AirflowApi } from '../airflow/airflow-api';
import type { AirflowConnection } from '../airflow/airflow-connection';
import type { AirflowConfig, InstanceConfig } from '../config/airflow-config';
import { dagEntity, dagRunEntity, gridRun, lineageOf } from './dag-entities';
import { datasetLineage, type DatabaseLocation } from './dataset-tables';
import { dagEntityId } from './entity-ids';
import { existingIds, storedEntities } from './stored-entities';

export interface AirflowProviderDeps {
  config: AirflowConfig;
  airflow: AirflowConnection;
  catalog: Pick<CatalogService, 'get' | 'query'>;
  /** Resolves once the tables are read for the first time, so DAGs can be linked to them. */
  tablesRead?: Promise<void>;
  /** Where the configured databases live, to match dataset/asset URIs to their tables. */
  databases?(): Promise<DatabaseLocation[]>;
}

/** The owning team of a DAG: the first of its Airflow owners that is a team of the portal, else the instance's owner. */
async function ownerOf(catalog: Pick<CatalogService, 'get'>, owners: string[], instance: InstanceConfig, teams: Map<string, boolean>): Promise<string | undefined> {
  for (const owner of owners) {
    const id = owner.toLowerCase();
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(id)) continue;
    if (!teams.has(id)) teams.set(id, Boolean(await catalog.get({ kind: 'team', id })));
    if (teams.get(id)) return id;
  }
  return instance.owner;
}

/** Lineage from datasets/assets; an Airflow that refuses to list them (older, or no permission) only loses that. */
async function datasetsOf(api: AirflowApi, deps: AirflowProviderDeps, logger: LoggerService, instance: string): Promise<Map<string, { reads: string[]; writes: string[] }>> {
  if (!deps.databases || deps.config.databases.length === 0) return new Map();
  try {
    return datasetLineage(await api.listDatasets(), await deps.databases());
  } catch (error) {
    logger.warn(`Airflow "${instance}": could not read its datasets/assets, so lineage comes from tags and config only: ${(error as Error).message}`);
    return new Map();
  }
}

/**
 * DAGs of every instance with their recent runs and those runs' task states (for the grid), and
 * the runs themselves. An instance that fails is logged and skipped, its entities kept; DAGs an
 * instance no longer lists are deleted, and runs that fell out of the recent window.
 */
export function airflowProvider(deps: AirflowProviderDeps): EntityProvider {
  return {
    id: 'airflow.dags',
    everyMs: deps.config.syncIntervalMs,
    async refresh(ctx) {
      // Providers start together: lineage needs the Table entities, so the first DAG sync waits for the first table read.
      await deps.tablesRead;
      const failures: string[] = [];
      for (const instance of deps.config.instances) {
        if (ctx.signal.aborted) return;
        try {
          const api = deps.airflow(instance.id);
          const dags = await api.listDags();
          const storedDags = await storedEntities(deps.catalog, 'dag', 'instance', instance.id);
          const storedRuns = await storedEntities(deps.catalog, 'dag-run', 'instance', instance.id);
          const teams = new Map<string, boolean>();
          const fromDatasets = await datasetsOf(api, deps, ctx.logger, instance.id);
          const tables = await existingIds(deps.catalog, 'table', dags.flatMap((d) => Object.values(lineageOf(deps.config, instance.id, d, fromDatasets.get(d.dagId))).flat()));
          const upsert: EntityInput[] = [{ kind: 'airflow-instance', id: instance.id, title: `Airflow ${instance.id}`, properties: { apiVersion: instance.apiVersion, url: instance.uiUrl ?? instance.baseUrl, dagCount: dags.length, simulated: deps.config.simulated } }];
          const keepRuns = new Set<string>();
          for (const dag of dags) {
            const runs = await api.listDagRuns(dag.dagId, deps.config.recentRuns);
            const owner = await ownerOf(deps.catalog, dag.owners, instance, teams);
            const grid = [];
            const runEntities: EntityInput[] = [];
            const tasksOf = await api.listTaskInstancesOfRuns(dag.dagId, runs.map((r) => r.runId));
            for (const run of runs) {
              const tasks = tasksOf.get(run.runId) ?? [];
              grid.push(gridRun(api, run, tasks));
              const entity = dagRunEntity(api, instance.id, run, tasks, owner);
              keepRuns.add(entity.id);
              runEntities.push(entity);
            }
            const url = `${(instance.uiUrl ?? instance.baseUrl).replace(/\/+$/, '')}/dags/${encodeURIComponent(dag.dagId)}`;
            upsert.push(dagEntity({ instance: instance.id, dag, runs: grid, owner, url, stored: storedDags.get(dagEntityId(instance.id, dag.dagId)), config: deps.config, tables, fromDatasets: fromDatasets.get(dag.dagId) }), ...runEntities);
          }
          const listed = new Set(upsert.map((e) => `${e.kind}:${e.id}`));
          const remove: EntityRef[] = [
            ...[...storedRuns.keys()].filter((id) => !keepRuns.has(id)).map((id) => ({ kind: 'dag-run', id })),
            ...[...storedDags.keys()].filter((id) => !listed.has(`dag:${id}`)).map((id) => ({ kind: 'dag', id })),
          ];
          await ctx.apply({ upsert, delete: remove });
          ctx.logger.info(`Airflow "${instance.id}": ${dags.length} DAGs, ${keepRuns.size} recent runs`);
        } catch (error) {
          failures.push(instance.id);
          ctx.logger.error(`Airflow sync of instance "${instance.id}" failed; its entities are kept and the other instances go on: ${(error as Error).message}`, { instance: instance.id });
        }
      }
      if (failures.length > 0 && failures.length === deps.config.instances.length) throw new Error(`Airflow sync failed for every instance (${failures.join(', ')}); see the log lines above.`);
    },
  };
}
