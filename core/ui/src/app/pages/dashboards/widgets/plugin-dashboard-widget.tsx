import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import type { DashboardWidget } from '@portico/plugin-api';
import { usePluginRegistry } from '../../../plugins/plugin-registry';
import { SlotWidget } from '../../../slots/slot-widget';

/** A plugin's widget that declares it may live on a dashboard, rendered as in its slot, without an entity. */
export function PluginDashboardWidget({ widget }: { widget: DashboardWidget }): ReactElement {
  const { widgets, loading } = usePluginRegistry();
  const placed = widgets.find((w) => w.pluginId === widget.plugin?.pluginId && w.id === widget.plugin?.widgetId && w.dashboard);
  if (placed) return <SlotWidget widget={placed} />;
  if (loading) return <span aria-busy="true" />;
  return <Alert severity="warning">The widget "{widget.plugin?.widgetId}" of plugin "{widget.plugin?.pluginId}" is not installed here any more.</Alert>;
}
