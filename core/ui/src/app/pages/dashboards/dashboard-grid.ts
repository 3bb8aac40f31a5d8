import type { DashboardLayout, DashboardWidget } from '@portico/plugin-api';

export const GRID_COLUMNS = 12;
/** Pixels per grid row: the unit of a widget's `layout.h` (and of a plugin widget's `dashboard.height`). */
export const ROW_HEIGHT = 80;

/** Reading order: top to bottom, then left to right. */
export function byPosition(a: DashboardWidget, b: DashboardWidget): number {
  return a.layout.y - b.layout.y || a.layout.x - b.layout.x;
}

/** Where a new widget of this size goes: below everything, at the left. */
export function nextPlace(widgets: DashboardWidget[], w: number, h: number): DashboardLayout {
  const bottom = widgets.reduce((max, widget) => Math.max(max, widget.layout.y + widget.layout.h), 0);
  return { x: 0, y: bottom, w: Math.min(GRID_COLUMNS, Math.max(1, w)), h: Math.max(1, h) };
}
