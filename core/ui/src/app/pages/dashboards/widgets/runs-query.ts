import type { DashboardWidget } from '@portico/plugin-api';

/** The `/runs` query string of a runs or run-count widget's filters (team is applied in the browser). */
export function runsQuery(widget: DashboardWidget, limit: number): string {
  const params = new URLSearchParams({ limit: String(limit) });
  if (widget.runs?.actionId) params.set('actionId', widget.runs.actionId);
  if (widget.runs?.status) params.set('status', widget.runs.status);
  return `/runs?${params.toString()}`;
}

/** Runs started on each of the last `days` days (UTC), oldest first. */
export function runsPerDay(createdAt: string[], days: number, now = new Date()): Array<{ day: Date; count: number }> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const DAY = 24 * 60 * 60 * 1000;
  const buckets = Array.from({ length: days }, (_, i) => ({ day: new Date(today - (days - 1 - i) * DAY), count: 0 }));
  for (const at of createdAt) {
    const offset = Math.floor((Date.parse(at) - (today - (days - 1) * DAY)) / DAY);
    if (offset >= 0 && offset < days) buckets[offset].count++;
  }
  return buckets;
}
