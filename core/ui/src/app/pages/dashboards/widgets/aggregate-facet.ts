import type { DashboardAggregate } from '@portico/plugin-api';

/**
 * Sums up a numeric property from its facet (each value with how many entities hold it), so the
 * server counts over every match and the browser never fetches the entities themselves.
 */
export function aggregateFacet(counts: Record<string, number>, aggregate: Exclude<DashboardAggregate, 'count'>): number | null {
  const values = Object.entries(counts)
    .map(([value, count]) => ({ value: Number(value), count }))
    .filter((entry) => Number.isFinite(entry.value) && entry.count > 0);
  if (values.length === 0) return null;
  if (aggregate === 'min') return Math.min(...values.map((e) => e.value));
  if (aggregate === 'max') return Math.max(...values.map((e) => e.value));
  const sum = values.reduce((total, e) => total + e.value * e.count, 0);
  if (aggregate === 'sum') return sum;
  return sum / values.reduce((total, e) => total + e.count, 0);
}
