import type { CatalogService, EntityInput, EntityProvider, EntityRef } from '@portico/plugin-api';
import type { CloudConfig } from '../config/cloud-config';
import type { KubernetesConnection } from '../kubernetes/kubernetes-connection';
import { loadComponentLinks } from './component-links';
import { clusterEntity, namespaceEntity, workloadEntity } from './kubernetes-entities';
import { storedEntities } from './stored-entities';
import { unchanged } from './unchanged';

export interface KubernetesProviderDeps {
  config: CloudConfig;
  kubernetes: KubernetesConnection;
  catalog: Pick<CatalogService, 'query'>;
}

/**
 * Every configured cluster in turn: its namespaces and workloads (with their pods), linked to
 * Components. A cluster that fails is marked unreachable and keeps what was last seen of it;
 * the others still sync. What a reachable cluster no longer has is deleted.
 */
export function kubernetesProvider(deps: KubernetesProviderDeps): EntityProvider {
  return {
    id: 'cloud.kubernetes',
    everyMs: deps.config.syncIntervalMs,
    async refresh(ctx) {
      if (deps.config.clusters.length === 0) return;
      const links = await loadComponentLinks(deps.catalog);
      const failed: string[] = [];
      for (const cluster of deps.config.clusters) {
        if (ctx.signal.aborted) return;
        const excluded = new Set(cluster.excludeNamespaces);
        try {
          const api = await deps.kubernetes(cluster.id);
          const [namespaces, workloads, pods] = await Promise.all([api.listNamespaces(), api.listWorkloads(), api.listPods()]);
          const fresh: EntityInput[] = [
            clusterEntity(cluster, null),
            ...namespaces.filter((n) => !excluded.has(n.name)).map((n) => namespaceEntity(cluster.id, n)),
            ...workloads.filter((w) => !excluded.has(w.namespace)).map((w) => workloadEntity(cluster.id, w, pods, links)),
          ];
          const onCluster = { combinator: 'and' as const, rules: [{ property: 'cluster', operator: '=' as const, value: cluster.id }] };
          const [storedNamespaces, storedWorkloads] = await Promise.all([storedEntities(deps.catalog, 'kubernetes-namespace', onCluster), storedEntities(deps.catalog, 'workload', onCluster)]);
          const stored = new Map([...storedNamespaces, ...storedWorkloads]);
          const ids = new Set(fresh.map((e) => e.id));
          const gone: EntityRef[] = [
            ...[...storedWorkloads.keys()].filter((id) => !ids.has(id)).map((id) => ({ kind: 'workload', id })),
            ...[...storedNamespaces.keys()].filter((id) => !ids.has(id)).map((id) => ({ kind: 'kubernetes-namespace', id })),
          ];
          await ctx.apply({ upsert: fresh.filter((e) => !unchanged(stored.get(e.id), e)), delete: gone });
        } catch (error) {
          failed.push(cluster.id);
          const message = (error as Error).message;
          ctx.logger.error(`Kubernetes sync of cluster "${cluster.id}" failed; the other clusters go on: ${message}`, { cluster: cluster.id });
          await ctx.apply({ upsert: [clusterEntity(cluster, message)] }).catch(() => undefined);
        }
      }
      if (failed.length === deps.config.clusters.length) throw new Error(`Kubernetes sync failed for every cluster (${failed.join(', ')}); see the log lines above.`);
    },
  };
}
