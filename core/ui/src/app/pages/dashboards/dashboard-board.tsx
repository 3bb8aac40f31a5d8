import { useMemo, type ReactElement } from 'react';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { GridLayout, useContainerWidth, type Layout } from 'react-grid-layout';
import type { DashboardLayout, DashboardWidget } from '@portico/plugin-api';
import { useCompactLayout } from '@portico/ui-api';
import { DashboardWidgetCard, type WidgetCardActions } from './dashboard-widget-card';
import { GRID_COLUMNS, ROW_HEIGHT, byPosition } from './dashboard-grid';

export interface DashboardBoardProps {
  widgets: DashboardWidget[];
  editing?: boolean;
  actions?: WidgetCardActions;
  /** While editing: the grid's new places after a drag or resize. */
  onLayoutChange?(layouts: Map<string, DashboardLayout>): void;
}

// The grid library's own stylesheet is not loaded (the shell has no CSS pipeline); these are the
// few rules it needs, in theme colours.
const gridStyles = {
  '& .react-grid-layout': { position: 'relative', transition: 'height 200ms ease' },
  '& .react-grid-item': { transition: 'transform 200ms ease, width 200ms ease, height 200ms ease' },
  '& .react-grid-item.react-draggable-dragging, & .react-grid-item.resizing': { transition: 'none', zIndex: 3 },
  '& .react-grid-placeholder': { bgcolor: 'primary.main', opacity: 0.2, borderRadius: 1, zIndex: 2 },
  '&:not([data-editing]) .react-resizable-handle': { display: 'none' },
  '& .react-resizable-handle': { position: 'absolute', width: 20, height: 20, right: 0, bottom: 0, cursor: 'se-resize', zIndex: 2 },
  '& .react-resizable-handle::after': { content: '""', position: 'absolute', right: 4, bottom: 4, width: 7, height: 7, borderRight: 2, borderBottom: 2, borderColor: 'text.secondary' },
} as const;

/**
 * The widgets on a 12-column grid: dragged by their handle and resized from their corner while
 * editing. On a phone they stack in reading order, each as tall as on the grid.
 */
export function DashboardBoard({ widgets, editing = false, actions, onLayoutChange }: DashboardBoardProps): ReactElement {
  const compact = useCompactLayout();
  const { width, containerRef, mounted } = useContainerWidth({ measureBeforeMount: true });
  const layout = useMemo<Layout>(() => widgets.map((w) => ({ i: w.id, ...w.layout, minW: 2, minH: 2 })), [widgets]);
  if (compact) {
    return (
      <Stack spacing={1.5} data-testid="dashboard-board">
        {[...widgets].sort(byPosition).map((widget) => (
          <Box key={widget.id} sx={{ height: Math.max(2, widget.layout.h) * ROW_HEIGHT }}>
            <DashboardWidgetCard widget={widget} editing={editing} actions={actions} />
          </Box>
        ))}
      </Stack>
    );
  }
  return (
    <Box ref={containerRef} data-testid="dashboard-board" data-editing={editing ? '' : undefined} sx={gridStyles}>
      {mounted && (
        <GridLayout
          width={width}
          layout={layout}
          gridConfig={{ cols: GRID_COLUMNS, rowHeight: ROW_HEIGHT, margin: [16, 16], containerPadding: [0, 0] }}
          dragConfig={{ enabled: editing, handle: '.dashboard-drag-handle' }}
          resizeConfig={{ enabled: editing }}
          onLayoutChange={(next) => {
            if (!editing || !onLayoutChange) return;
            onLayoutChange(new Map(next.map((item) => [item.i, { x: item.x, y: item.y, w: item.w, h: item.h }])));
          }}
        >
          {widgets.map((widget) => (
            <div key={widget.id}>
              <DashboardWidgetCard widget={widget} editing={editing} actions={actions} />
            </div>
          ))}
        </GridLayout>
      )}
    </Box>
  );
}
