import type { DashboardLayout, DashboardWidget } from '@portico/plugin-api';

export const GRID_COLUMNS = 12;
/** Pixels per grid row: the unit of a widget's `layout.h` (and of a plugin widget's `dashboard.height`). */
export const ROW_HEIGHT = 80;

/** Reading order: top to bottom, then left to right. */
export function byPosition(a: DashboardWidget, b: DashboardWidget): number {
  return a.layout.y - b.layout.y || a.layout.x - b.layout.x;
}

const overlaps = (a: DashboardLayout, b: DashboardLayout): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Where a new widget of this size goes: the first free place in reading order (top rows first). */
export function nextPlace(widgets: DashboardWidget[], w: number, h: number): DashboardLayout {
  const width = Math.min(GRID_COLUMNS, Math.max(1, w));
  const height = Math.max(1, h);
  const bottom = widgets.reduce((max, widget) => Math.max(max, widget.layout.y + widget.layout.h), 0);
  for (let y = 0; y <= bottom; y++) {
    for (let x = 0; x + width <= GRID_COLUMNS; x++) {
      const place = { x, y, w: width, h: height };
      if (!widgets.some((widget) => overlaps(widget.layout, place))) return place;
    }
  }
  return { x: 0, y: bottom, w: width, h: height };
}
