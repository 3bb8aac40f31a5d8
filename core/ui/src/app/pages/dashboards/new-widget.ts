import type { DashboardWidget, DashboardWidgetType } from '@portico/plugin-api';
import type { PlacedWidget } from '@portico/ui-api';
import { nextPlace } from './dashboard-grid';

const SIZES: Record<DashboardWidgetType, [number, number]> = { number: [3, 2], pie: [4, 4], bar: [6, 4], line: [6, 4], table: [6, 5], runs: [6, 4], plugin: [4, 3] };
const TITLES: Record<DashboardWidgetType, string> = { number: 'Count', pie: 'Share', bar: 'Breakdown', line: 'Runs per day', table: 'Entities', runs: 'Recent runs', plugin: 'Widget' };

/** A widget of `type` with sensible first settings, placed below the others. */
export function newWidget(type: DashboardWidgetType, existing: DashboardWidget[], kind: string | undefined, plugin?: PlacedWidget): DashboardWidget {
  const [w, h] = plugin ? [plugin.dashboard?.width ?? 4, plugin.dashboard?.height ?? 3] : SIZES[type];
  const used = new Set(existing.map((widget) => widget.id));
  let n = existing.length + 1;
  while (used.has(`w${n}`)) n++;
  const base: DashboardWidget = { id: `w${n}`, type, title: plugin?.title ?? TITLES[type], layout: nextPlace(existing, w, h) };
  if (type === 'plugin' && plugin) return { ...base, plugin: { pluginId: plugin.pluginId, widgetId: plugin.id } };
  if (type === 'runs') return base;
  if (type === 'line') return { ...base, source: 'runs', days: 14 };
  const query = kind ? { kind } : {};
  if (type === 'number') return { ...base, query, aggregate: 'count' };
  if (type === 'table') return { ...base, query, columns: ['title', 'owner'] };
  return { ...base, query, property: kind ? 'owner' : 'kind' };
}
