import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { Run } from '@portico/plugin-api';
import { EntityLink, PortalLink, RunStatus, runPath, TableScroller, useApi } from '@portico/ui-api';

/** Runs, newest first (optionally only one actor's, for the home page). */
export function RunsTable({ query = '', label = 'Runs' }: { query?: string; label?: string }): ReactElement {
  const { data, error } = useApi<{ items: Run[] }>(`/runs?limit=20${query}`);
  if (error) return <Alert severity="error">{error.message}</Alert>;
  return <RunsTableView runs={data?.items} label={label} empty="No runs yet. Start one from an entity's actions or from Self-service." />;
}

/** A table of runs (undefined: still loading), each linking to its page. */
export function RunsTableView({ runs, label, empty }: { runs: Run[] | undefined; label: string; empty: string }): ReactElement {
  return (
    <TableScroller>
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            <TableCell>Run</TableCell>
            <TableCell>Action</TableCell>
            <TableCell>Entity</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Started</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {runs && runs.length === 0 && (
            <TableRow>
              <TableCell colSpan={5} sx={{ color: 'text.secondary' }}>
                {empty}
              </TableCell>
            </TableRow>
          )}
          {(runs ?? []).map((run) => (
            <TableRow key={run.id}>
              <TableCell>
                <PortalLink to={runPath(run.id)}>{run.id}</PortalLink>
              </TableCell>
              <TableCell>{run.actionId}</TableCell>
              <TableCell>{run.entity ? <EntityLink entity={run.entity} /> : '—'}</TableCell>
              <TableCell>
                <RunStatus status={run.status} />
              </TableCell>
              <TableCell>{new Date(run.createdAt).toLocaleString()}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroller>
  );
}

export function RunsPage(): ReactElement {
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        Runs
      </Typography>
      <RunsTable />
    </Stack>
  );
}
