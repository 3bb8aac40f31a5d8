import type { EntityQuery } from './query';
import type { RunStatus } from './action';

/**
 * The built-in widget types a dashboard holds; `plugin` is a plugin widget that declares `dashboard`.
 * @public
 */
export type DashboardWidgetType = 'number' | 'pie' | 'bar' | 'line' | 'table' | 'runs' | 'plugin';

/**
 * How a number widget sums up its query: the count of matches, or an aggregate of one numeric property.
 * @public
 */
export type DashboardAggregate = 'count' | 'sum' | 'avg' | 'min' | 'max';

/**
 * A widget's place on the dashboard grid, in grid columns (12 wide) and rows.
 * @public
 */
export interface DashboardLayout {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * One widget of a dashboard. Which fields count depends on `type`:
 * - `number`: `query`, `aggregate` (default count) and, unless it counts, `property`;
 * - `pie` / `bar`: `query` and `property`, whose values are counted (a facet);
 * - `line`: `source: 'runs'` (runs started per day) or `source: 'property'` (`property` over `timeProperty`, for the query's entities);
 * - `table`: `query` and `columns`;
 * - `runs`: `runs` (filters on action, status, team);
 * - `plugin`: `plugin` (which plugin widget).
 * @public
 */
export interface DashboardWidget {
  id: string;
  type: DashboardWidgetType;
  title: string;
  layout: DashboardLayout;
  query?: Pick<EntityQuery, 'kind' | 'filter' | 'search'>;
  property?: string;
  aggregate?: DashboardAggregate;
  columns?: string[];
  source?: 'runs' | 'property';
  timeProperty?: string;
  /** For `line` over runs: how many days back (default 14). */
  days?: number;
  runs?: { actionId?: string; status?: RunStatus; team?: string };
  plugin?: { pluginId: string; widgetId: string };
}

/**
 * A dashboard as the portal stores and serves it. `owner` is `user:<id>` or `team:<id>`.
 * @public
 */
export interface Dashboard {
  id: string;
  title: string;
  owner: string;
  widgets: DashboardWidget[];
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  /** Grows by one with every save; send it back as `version` to refuse saving over someone else's change. */
  version: number;
}
