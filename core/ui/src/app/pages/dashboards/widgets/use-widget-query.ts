import type { DashboardWidget, Entity, EntityQuery, QueryResult } from '@portico/plugin-api';
import { useCatalogQuery, type ApiState } from '@portico/ui-api';
import { useCatalogChanges } from '../../../events/use-catalog-changes';

/**
 * Runs a widget's catalog query with `extra` (limit, facets, sort) and runs it again whenever the
 * portal says entities of its kind changed, so numbers and charts follow the catalog live.
 */
export function useWidgetQuery(widget: DashboardWidget, extra: Omit<EntityQuery, 'kind' | 'filter' | 'search'>): ApiState<QueryResult<Entity>> {
  const state = useCatalogQuery({ ...(widget.query ?? {}), ...extra });
  useCatalogChanges(widget.query?.kind, state.reload);
  return state;
}
