import type { ReactElement } from 'react';
import type { DashboardWidget } from '@portico/plugin-api';
import { FacetChartWidget } from './facet-chart-widget';
import { LineWidget } from './line-widget';
import { NumberWidget } from './number-widget';
import { PluginDashboardWidget } from './plugin-dashboard-widget';
import { RunsWidget } from './runs-widget';
import { TableWidget } from './table-widget';

/** The body of one dashboard widget, by type. */
export function DashboardWidgetView({ widget }: { widget: DashboardWidget }): ReactElement {
  switch (widget.type) {
    case 'number':
      return <NumberWidget widget={widget} />;
    case 'pie':
    case 'bar':
      return <FacetChartWidget widget={widget} />;
    case 'line':
      return <LineWidget widget={widget} />;
    case 'table':
      return <TableWidget widget={widget} />;
    case 'runs':
      return <RunsWidget widget={widget} />;
    case 'plugin':
      return <PluginDashboardWidget widget={widget} />;
  }
}
