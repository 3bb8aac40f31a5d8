import type { Entity, EntityRef } from '@portico/plugin-api';
import { useApi, type ApiState } from '../api/use-api';

/**
 * One entity by reference (null: nothing to load).
 * @alpha
 */
export function useEntity(ref: EntityRef | null): ApiState<Entity> {
  return useApi<Entity>(ref ? `/kinds/${encodeURIComponent(ref.kind)}/entities/${encodeURIComponent(ref.id)}` : null);
}
