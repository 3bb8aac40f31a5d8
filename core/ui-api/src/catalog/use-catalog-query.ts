import type { Entity, EntityQuery, QueryResult } from '@portico/plugin-api';
import { useApi, type ApiState } from '../api/use-api';

/**
 * Runs a catalog query on the server (`POST /entities/query`); null skips it.
 * @alpha
 */
export function useCatalogQuery(query: EntityQuery | null): ApiState<QueryResult<Entity>> {
  return useApi<QueryResult<Entity>>(query ? '/entities/query' : null, { method: 'POST', body: query ?? undefined });
}
