import { canonicalJson } from './canonical-json';
import type { DashboardWidget } from './dashboard';
import type { EntityQuery } from './query';

/**
 * How much a built-in dashboard widget asks for: a table's rows, a property line's points, the
 * runs a run-count line counts, a runs widget's rows, and the entities a team filter reads.
 * @public
 */
export const DASHBOARD_WIDGET_LIMITS = { tableRows: 25, linePoints: 200, lineRuns: 200, runsRows: 20, teamEntities: 500 } as const;

/**
 * The catalog query a built-in widget runs to show its data (null for one that shows runs or
 * a plugin widget): numbers count or take a facet, pie and bar charts a facet, a property line
 * its points in time order, a table its first rows.
 * @public
 */
export function dashboardWidgetQuery(widget: DashboardWidget): EntityQuery | null {
  const query = widget.query ?? {};
  switch (widget.type) {
    case 'number': {
      const counts = (widget.aggregate ?? 'count') === 'count' || !widget.property;
      return { ...query, limit: 1, ...(counts ? {} : { facets: [widget.property!] }) };
    }
    case 'pie':
    case 'bar':
      return { ...query, limit: 1, facets: [widget.property ?? 'kind'] };
    case 'line':
      return widget.source === 'property' ? { ...query, limit: DASHBOARD_WIDGET_LIMITS.linePoints, sort: { property: widget.timeProperty ?? 'meta.updatedAt', order: 'asc' } } : null;
    case 'table':
      return { ...query, limit: DASHBOARD_WIDGET_LIMITS.tableRows };
    default:
      return null;
  }
}

/** Whether a widget shows runs: a runs widget, or a line of runs started per day. */
function showsRuns(widget: DashboardWidget): boolean {
  return widget.type === 'runs' || (widget.type === 'line' && widget.source !== 'property');
}

/**
 * The `/runs` request (path and query string under `/api/v1`) of a widget that shows runs, with
 * its action and status filters; null for other widgets. A team filter is applied over
 * `dashboardWidgetTeamQuery`'s entities, since the runs API filters by action and status only.
 * @public
 */
export function dashboardWidgetRunsPath(widget: DashboardWidget): string | null {
  if (!showsRuns(widget)) return null;
  const params = new URLSearchParams({ limit: String(widget.type === 'runs' ? DASHBOARD_WIDGET_LIMITS.runsRows : DASHBOARD_WIDGET_LIMITS.lineRuns) });
  if (widget.runs?.actionId) params.set('actionId', widget.runs.actionId);
  if (widget.runs?.status) params.set('status', widget.runs.status);
  return `/runs?${params.toString()}`;
}

/** The catalog query for the entities a runs widget's team owns (null without a team filter). @public */
export function dashboardWidgetTeamQuery(widget: DashboardWidget): EntityQuery | null {
  const team = widget.runs?.team?.trim();
  if (!showsRuns(widget) || !team) return null;
  const refs = [team, team.startsWith('team:') ? team.slice(5) : `team:${team}`];
  return { filter: { combinator: 'and', rules: [{ property: 'owner', operator: 'in', value: refs }] }, limit: DASHBOARD_WIDGET_LIMITS.teamEntities };
}

/**
 * An API request a dashboard's widgets make first: method, path under `/api/v1`, and the body as
 * canonical JSON (the key the shell takes a preloaded answer by).
 * @public
 */
export interface DashboardDataRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

/**
 * Every request the built-in widgets of a dashboard make to show their first data, without
 * repeats. The portal sends them with the dashboard, so the page starts them while its
 * JavaScript loads; the widgets build theirs with the same functions.
 * @public
 */
export function dashboardDataRequests(widgets: DashboardWidget[]): DashboardDataRequest[] {
  const requests = new Map<string, DashboardDataRequest>();
  const add = (request: DashboardDataRequest): void => {
    requests.set(`${request.method} ${request.path} ${request.body ?? ''}`, request);
  };
  for (const widget of widgets) {
    const query = dashboardWidgetQuery(widget);
    if (query) add({ method: 'POST', path: '/entities/query', body: canonicalJson(query) });
    const runs = dashboardWidgetRunsPath(widget);
    if (runs) add({ method: 'GET', path: runs });
    const team = dashboardWidgetTeamQuery(widget);
    if (team) add({ method: 'POST', path: '/entities/query', body: canonicalJson(team) });
  }
  return [...requests.values()];
}
