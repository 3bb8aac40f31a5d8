import type { ReactElement } from 'react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { DashboardWidget } from '@portico/plugin-api';
import { EntityLink, PortalLink, RunStatus, runPath, TableScroller } from '@portico/ui-api';
import { useWidgetRuns } from './use-widget-runs';
import { WidgetState } from './widget-state';

/** Recent runs, filtered by action, status or team. */
export function RunsWidget({ widget }: { widget: DashboardWidget }): ReactElement {
  const { runs, error } = useWidgetRuns(widget, 20);
  if (!runs) return <WidgetState error={error} label={widget.title} />;
  return (
    <TableScroller label={widget.title}>
      <Table size="small" aria-label={widget.title}>
        <TableHead>
          <TableRow>
            <TableCell>Run</TableCell>
            <TableCell>Action</TableCell>
            <TableCell>Entity</TableCell>
            <TableCell>Status</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {runs.length === 0 && (
            <TableRow>
              <TableCell colSpan={4} sx={{ color: 'text.secondary' }}>
                No runs match.
              </TableCell>
            </TableRow>
          )}
          {runs.map((run) => (
            <TableRow key={run.id}>
              <TableCell>
                <PortalLink to={runPath(run.id)}>{run.id}</PortalLink>
              </TableCell>
              <TableCell>{run.actionId}</TableCell>
              <TableCell>{run.entity ? <EntityLink entity={run.entity} /> : '—'}</TableCell>
              <TableCell>
                <RunStatus status={run.status} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroller>
  );
}
