import { isPorticoError, ValidationError, type DashboardWidget, type EntityQuery, type FieldProblem } from '@portico/plugin-api';

/** What the check needs to know of the portal: queries run on the catalog, and the plugin widgets that may live on a dashboard. */
export interface WidgetCheckContext {
  query(query: EntityQuery): Promise<unknown>;
  dashboardWidgets(): Array<{ pluginId: string; id: string }>;
}

const NEEDS: Record<DashboardWidget['type'], Array<keyof DashboardWidget>> = {
  number: ['query'],
  pie: ['query', 'property'],
  bar: ['query', 'property'],
  line: ['source'],
  table: ['query', 'columns'],
  runs: [],
  plugin: ['plugin'],
};

/** Catalog answers about a widget's query, with their pointers moved from the query to the widget's own field. */
function movePointer(pointer: string, at: string): string {
  if (pointer.startsWith('/facets')) return `${at}/property`;
  if (pointer.startsWith('/sort')) return `${at}/timeProperty`;
  return `${at}/query${pointer === '/' ? '' : pointer}`;
}

/** The catalog query a widget's data comes from, or null when it reads no catalog query. */
export function widgetCatalogQuery(widget: DashboardWidget): EntityQuery | null {
  if (widget.type === 'runs' || widget.type === 'plugin' || (widget.type === 'line' && widget.source !== 'property')) return null;
  const query: EntityQuery = { ...(widget.query ?? {}), limit: 1 };
  const counts = widget.type === 'number' && (widget.aggregate ?? 'count') === 'count';
  if (widget.property && !counts && widget.type !== 'line') query.facets = [widget.property];
  if (widget.type === 'line' && widget.timeProperty) query.sort = { property: widget.timeProperty };
  return query;
}

/**
 * Refuses a dashboard whose widgets cannot show: duplicate ids, a field the widget's type needs,
 * a query, property or sort the catalog would refuse, a plugin widget that is not installed or does
 * not declare `dashboard`. Each problem names the field (`/widgets/<i>/...`) and how to fix it.
 */
export async function checkDashboardWidgets(widgets: DashboardWidget[], context: WidgetCheckContext): Promise<void> {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  widgets.forEach((widget, i) => {
    const at = `/widgets/${i}`;
    if (seen.has(widget.id)) problems.push({ pointer: `${at}/id`, message: `"${widget.id}" is the id of an earlier widget: give each widget its own id` });
    seen.add(widget.id);
    for (const field of NEEDS[widget.type]) if (widget[field] === undefined) problems.push({ pointer: `${at}/${field}`, message: `a ${widget.type} widget needs "${field}"` });
    if (widget.type === 'number' && (widget.aggregate ?? 'count') !== 'count' && !widget.property) problems.push({ pointer: `${at}/property`, message: `the ${widget.aggregate} of a number widget needs the numeric "property" to add up` });
    if (widget.type === 'line' && widget.source === 'property') {
      if (!widget.property) problems.push({ pointer: `${at}/property`, message: 'a line over a property needs the numeric "property" to draw' });
      if (!widget.timeProperty) problems.push({ pointer: `${at}/timeProperty`, message: 'a line over a property needs "timeProperty", the date property along the x axis' });
      if (!widget.query) problems.push({ pointer: `${at}/query`, message: 'a line over a property needs the "query" whose entities it draws' });
    }
    if (widget.type === 'plugin' && widget.plugin && !context.dashboardWidgets().some((w) => w.pluginId === widget.plugin!.pluginId && w.id === widget.plugin!.widgetId)) {
      problems.push({ pointer: `${at}/plugin`, message: `plugin "${widget.plugin.pluginId}" has no widget "${widget.plugin.widgetId}" that may live on a dashboard (installed, and declaring "dashboard")` });
    }
    if (widget.layout.x + widget.layout.w > 12) problems.push({ pointer: `${at}/layout`, message: `x + w is ${widget.layout.x + widget.layout.w}, past the grid's 12 columns: move it left or make it narrower` });
  });
  if (problems.length === 0) {
    for (const [i, widget] of widgets.entries()) {
      const query = widgetCatalogQuery(widget);
      if (!query) continue;
      try {
        await context.query(query);
      } catch (error) {
        if (!isPorticoError(error) || (error.status !== 400 && error.status !== 404)) throw error;
        const found = error.errors?.length ? error.errors : [{ pointer: '/', message: error.message }];
        for (const problem of found) problems.push({ pointer: movePointer(problem.pointer, `/widgets/${i}`), message: problem.message });
      }
    }
  }
  if (problems.length > 0) {
    throw new ValidationError(`The dashboard has ${problems.length} widget problem(s): ${problems.map((p) => `${p.pointer} ${p.message}`).join('; ')}.`, problems);
  }
}
