import { useState, type ReactElement } from 'react';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import ListSubheader from '@mui/material/ListSubheader';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import type { DashboardWidgetType } from '@portico/plugin-api';
import type { PlacedWidget } from '@portico/ui-api';
import { usePluginRegistry } from '../../plugins/plugin-registry';

const BUILT_IN: Array<{ type: DashboardWidgetType; label: string }> = [
  { type: 'number', label: 'Number: a count or an aggregate' },
  { type: 'pie', label: 'Pie: values of a property' },
  { type: 'bar', label: 'Bar: values of a property' },
  { type: 'line', label: 'Line: runs or a property over time' },
  { type: 'table', label: 'Table: a query\'s entities' },
  { type: 'runs', label: 'Runs: recent runs' },
];

/** "Add widget": the built-in widget types, then every installed plugin widget that declares `dashboard`. */
export function AddWidgetMenu({ onAdd }: { onAdd(type: DashboardWidgetType, plugin?: PlacedWidget): void }): ReactElement {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const plugins = usePluginRegistry().widgets.filter((widget) => widget.dashboard);
  const pick = (type: DashboardWidgetType, plugin?: PlacedWidget): void => {
    setAnchor(null);
    onAdd(type, plugin);
  };
  return (
    <>
      <Button variant="outlined" aria-haspopup="menu" aria-expanded={anchor !== null} aria-controls={anchor ? 'add-widget-menu' : undefined} onClick={(event) => setAnchor(event.currentTarget)}>
        Add widget
      </Button>
      <Menu id="add-widget-menu" anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)} slotProps={{ list: { 'aria-label': 'Widget types' } }}>
        {BUILT_IN.map((item) => (
          <MenuItem key={item.type} onClick={() => pick(item.type)}>
            {item.label}
          </MenuItem>
        ))}
        {plugins.length > 0 && <Divider />}
        {plugins.length > 0 && <ListSubheader>From plugins</ListSubheader>}
        {plugins.map((widget) => (
          <MenuItem key={`${widget.pluginId}:${widget.id}`} onClick={() => pick('plugin', widget)}>
            {widget.title} ({widget.pluginId})
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
