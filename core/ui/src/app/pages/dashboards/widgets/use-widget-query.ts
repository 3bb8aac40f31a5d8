import { dashboardWidgetQuery, type DashboardWidget, type Entity, type QueryResult } from '@portico/plugin-api';
import { useCatalogQuery, type ApiState } from '@portico/ui-api';
import { useCatalogChanges } from '../../../events/use-catalog-changes';

/**
 * Runs a widget's catalog query (`dashboardWidgetQuery`: the same request the portal lists for
 * the page to preload) and runs it again whenever the portal says entities of its kind changed,
 * so numbers and charts follow the catalog live.
 */
export function useWidgetQuery(widget: DashboardWidget): ApiState<QueryResult<Entity>> {
  const state = useCatalogQuery(dashboardWidgetQuery(widget));
  useCatalogChanges(widget.query?.kind, state.reload);
  return state;
}
