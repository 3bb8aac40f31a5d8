import type { ReactElement } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import Typography from '@mui/material/Typography';
import type { DashboardWidget } from '@portico/plugin-api';
import { DragIcon } from '../../layout/icons';
import { WidgetBoundary } from '../../slots/widget-boundary';
import { DashboardWidgetView } from './widgets/dashboard-widget-view';

export interface WidgetCardActions {
  onEdit(widget: DashboardWidget): void;
  onRemove(widget: DashboardWidget): void;
}

/** One widget on the board: its title, its body filling the cell, and, while editing, a drag handle, Edit and Remove. */
export function DashboardWidgetCard({ widget, editing, actions }: { widget: DashboardWidget; editing: boolean; actions?: WidgetCardActions }): ReactElement {
  return (
    <Card variant="outlined" component="section" aria-label={widget.title} data-widget-id={widget.id} sx={{ height: '100%', display: 'flex', flexDirection: 'column', overflow: 'hidden' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, px: 1.5, pt: 1 }}>
        {editing && (
          <Box className="dashboard-drag-handle" aria-hidden sx={{ cursor: 'move', display: 'flex', color: 'text.secondary' }}>
            <DragIcon fontSize="small" />
          </Box>
        )}
        <Typography variant="subtitle1" component="h2" noWrap sx={{ flex: 1, minWidth: 0 }}>
          {widget.title}
        </Typography>
        {editing && actions && (
          <>
            <Button size="small" onClick={() => actions.onEdit(widget)} aria-label={`Edit ${widget.title}`}>
              Edit
            </Button>
            <Button size="small" color="error" onClick={() => actions.onRemove(widget)} aria-label={`Remove ${widget.title}`}>
              Remove
            </Button>
          </>
        )}
      </Box>
      <Box sx={{ flex: 1, minHeight: 0, overflow: 'auto', px: 1.5, pb: 1.5, pt: 0.5 }}>
        <WidgetBoundary label={widget.title}>
          <DashboardWidgetView widget={widget} />
        </WidgetBoundary>
      </Box>
    </Card>
  );
}
