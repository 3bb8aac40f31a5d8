import type { ReactElement } from 'react';
import type { DashboardWidget } from '@portico/plugin-api';
import { RunsTableView } from '../../run/runs-page';
import { useWidgetRuns } from './use-widget-runs';
import { WidgetState } from './widget-state';

/** Recent runs, filtered by action, status or team, in the Runs page's table. */
export function RunsWidget({ widget }: { widget: DashboardWidget }): ReactElement {
  const { runs, error } = useWidgetRuns(widget);
  if (!runs) return <WidgetState error={error} label={widget.title} />;
  return <RunsTableView runs={runs} label={widget.title} empty="No runs match." />;
}
