import type { CatalogService, EntityInput, EntityProvider, EntityRef } from '@portico/plugin-api';
import type { MlConfig } from '../config/ml-config';
import type { KubernetesConnection } from '../kubernetes/kubernetes-connection';
import { endpointEntity, endpointState } from '../serving/endpoint-state';
import { mlEntityId } from './entity-ids';
import { storedIds } from './stored-ids';

export interface ServingProviderDeps {
  config: MlConfig;
  kubernetes: KubernetesConnection;
  catalog: Pick<CatalogService, 'get' | 'query'>;
  /** Resolves once MLflow was read for the first time, so endpoints find the models they serve. */
  modelsRead?: Promise<void>;
}

/**
 * The InferenceServices of each serving environment's namespace. An endpoint is owned by the
 * team of the model it serves. A cluster that fails is logged and its endpoints kept; endpoints
 * a reachable namespace no longer lists are deleted.
 */
export function servingProvider(deps: ServingProviderDeps): EntityProvider {
  return {
    id: 'ml.serving',
    everyMs: deps.config.syncIntervalMs,
    async refresh(ctx) {
      // Providers start together: an endpoint takes its model's owner and relation, so the first pass waits for the models.
      await deps.modelsRead;
      const failures: string[] = [];
      for (const target of deps.config.serving) {
        if (ctx.signal.aborted) return;
        try {
          const services = await (await deps.kubernetes(target.cluster)).listInferenceServices(target.namespace);
          const upsert: EntityInput[] = [];
          for (const isvc of services) {
            const model = endpointState(isvc).model;
            const modelEntity = model ? await deps.catalog.get({ kind: 'ml-model', id: mlEntityId(model) }) : null;
            upsert.push(endpointEntity(target, isvc, { ...(modelEntity?.owner ? { owner: modelEntity.owner } : {}), ...(modelEntity ? { modelEntity: modelEntity.id } : {}) }));
          }
          const listed = new Set(upsert.map((e) => e.id));
          const remove: EntityRef[] = [...(await storedIds(deps.catalog, 'ml-serving-endpoint', { property: 'environment', value: target.environment }))].filter((id) => !listed.has(id)).map((id) => ({ kind: 'ml-serving-endpoint', id }));
          await ctx.apply({ upsert, delete: remove });
          ctx.logger.info(`Serving "${target.environment}" (${target.cluster}/${target.namespace}): ${services.length} endpoints`);
        } catch (error) {
          failures.push(target.environment);
          ctx.logger.error(`Reading the endpoints of "${target.environment}" failed; they are kept and the other environments go on: ${(error as Error).message}`);
        }
      }
      if (failures.length && failures.length === deps.config.serving.length) throw new Error(`Reading endpoints failed for every serving environment (${failures.join(', ')}); see the log lines above.`);
    },
  };
}
