import type { ReactElement } from 'react';
import Box from '@mui/material/Box';
import { BarChart } from '@mui/x-charts/BarChart';
import { PieChart } from '@mui/x-charts/PieChart';
import type { DashboardWidget } from '@portico/plugin-api';
import { useWidgetQuery } from './use-widget-query';
import { WidgetState } from './widget-state';

/** Slices beyond this many are summed up as "other", so a chart stays readable. */
const MAX_SLICES = 10;

export function facetSlices(counts: Record<string, number>): Array<{ id: string; label: string; value: number }> {
  const sorted = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const slices = sorted.slice(0, MAX_SLICES).map(([label, value]) => ({ id: label, label: label === '' ? '(empty)' : label, value }));
  const rest = sorted.slice(MAX_SLICES).reduce((sum, [, value]) => sum + value, 0);
  return rest > 0 ? [...slices, { id: '\0other', label: 'other', value: rest }] : slices;
}

/** A pie or bar chart of how many matching entities hold each value of a property (a facet). */
export function FacetChartWidget({ widget }: { widget: DashboardWidget }): ReactElement {
  const property = widget.property ?? 'kind';
  const { data, error } = useWidgetQuery(widget);
  if (!data) return <WidgetState error={error} label={widget.title} />;
  const slices = facetSlices(data.facets?.[property] ?? {});
  const summary = slices.map((slice) => `${slice.label}: ${slice.value}`).join(', ') || 'no values';
  return (
    // The chart is a picture; its figures are in the label for screen readers (and the tests).
    <Box role="img" aria-label={`${widget.title}: ${summary}`} data-testid="dashboard-chart" data-summary={summary} sx={{ height: '100%', minHeight: 120 }}>
      {widget.type === 'pie' ? (
        <PieChart series={[{ data: slices, innerRadius: 24, paddingAngle: 1, cornerRadius: 3 }]} skipAnimation />
      ) : (
        <BarChart xAxis={[{ scaleType: 'band', data: slices.map((s) => s.label) }]} series={[{ data: slices.map((s) => s.value), label: property }]} hideLegend skipAnimation />
      )}
    </Box>
  );
}
