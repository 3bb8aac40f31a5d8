import type { ReactElement } from 'react';
import Box from '@mui/material/Box';
import { LineChart } from '@mui/x-charts/LineChart';
import type { DashboardWidget } from '@portico/plugin-api';
import { runsPerDay } from './runs-query';
import { useWidgetQuery } from './use-widget-query';
import { useWidgetRuns } from './use-widget-runs';
import { WidgetState } from './widget-state';

function Chart({ widget, x, y, label }: { widget: DashboardWidget; x: Date[]; y: Array<number | null>; label: string }): ReactElement {
  const summary = `${y.length} points${y.length ? `, last ${y[y.length - 1] ?? '—'}` : ''}`;
  return (
    <Box role="img" aria-label={`${widget.title}: ${summary}`} data-testid="dashboard-chart" data-summary={summary} sx={{ height: '100%', minHeight: 120 }}>
      <LineChart xAxis={[{ data: x, scaleType: 'time' }]} series={[{ data: y, label, showMark: false, connectNulls: true }]} hideLegend skipAnimation />
    </Box>
  );
}

function RunCountLine({ widget }: { widget: DashboardWidget }): ReactElement {
  const { runs, error } = useWidgetRuns(widget);
  if (!runs) return <WidgetState error={error} label={widget.title} />;
  const days = runsPerDay(runs.map((run) => run.createdAt), widget.days ?? 14);
  return <Chart widget={widget} x={days.map((d) => d.day)} y={days.map((d) => d.count)} label="runs per day" />;
}

function PropertyLine({ widget }: { widget: DashboardWidget }): ReactElement {
  const time = widget.timeProperty ?? 'meta.updatedAt';
  const { data, error } = useWidgetQuery(widget);
  if (!data) return <WidgetState error={error} label={widget.title} />;
  const read = (entity: (typeof data.items)[number], name: string): unknown => (name === 'meta.updatedAt' ? entity.meta?.updatedAt : entity.properties[name]);
  const points = data.items
    .map((entity) => ({ x: new Date(String(read(entity, time))), y: Number(read(entity, widget.property ?? '')) }))
    .filter((p) => !Number.isNaN(p.x.getTime()));
  return <Chart widget={widget} x={points.map((p) => p.x)} y={points.map((p) => (Number.isFinite(p.y) ? p.y : null))} label={widget.property ?? ''} />;
}

/** A line: runs started per day, or a numeric property of the query's entities along a date property. */
export function LineWidget({ widget }: { widget: DashboardWidget }): ReactElement {
  return widget.source === 'property' ? <PropertyLine widget={widget} /> : <RunCountLine widget={widget} />;
}
