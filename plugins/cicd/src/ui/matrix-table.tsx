import type { ReactElement } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { EntityLink, TableScroller } from '@portico/ui-api';
import type { DeploymentsMatrix, MatrixCell } from '../deployments/deployments-matrix';
import { formatAge } from './format-age';

const CELL = { px: 1 };

function Cell({ cell, service, environment }: { cell: MatrixCell; service: string; environment: string }): ReactElement {
  return (
    <TableCell sx={CELL} data-testid={`matrix-cell-${service}-${environment}`} data-version={cell.version ?? ''} data-locked={cell.lock ? 'true' : 'false'}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, flexWrap: 'wrap' }}>
        {cell.version ? (
          <Tooltip describeChild title={`Deployed ${cell.deployedAt ?? ''}`}>
            <Chip size="small" color="success" variant="outlined" label={cell.version} component={cell.url ? 'a' : 'div'} href={cell.url ?? undefined} clickable={Boolean(cell.url)} />
          </Tooltip>
        ) : (
          <Typography variant="body2" color="text.secondary">
            —
          </Typography>
        )}
        {cell.lock && (
          <Tooltip title={`Locked by ${cell.lock.lockedBy}: ${cell.lock.reason}`}>
            <Chip size="small" color="warning" label="locked" aria-label={`Locked by ${cell.lock.lockedBy}: ${cell.lock.reason}`} />
          </Tooltip>
        )}
        {cell.latest && <Chip size="small" color={cell.latest.status === 'failed' ? 'error' : 'info'} label={`${cell.latest.version} ${cell.latest.status.replace('_', ' ')}`} />}
      </Box>
      {cell.deployedAt && (
        <Typography variant="caption" color="text.secondary">
          {formatAge(cell.deployedAt)}
        </Typography>
      )}
    </TableCell>
  );
}

/** Services down, environments across: the version live in each, its age and lock state. */
export function MatrixTable({ matrix }: { matrix: DeploymentsMatrix }): ReactElement {
  if (matrix.services.length === 0) {
    return <Typography color="text.secondary">No services yet. Deployments appear here when a deploy runs or a CI system reports one.</Typography>;
  }
  // Home cards can be narrow: scroll sideways rather than cut environments off; services stay in view.
  return (
    <TableScroller>
      <Table size="small" aria-label="Deployments by service and environment" data-testid="deployments-matrix">
        <TableHead>
          <TableRow>
            <TableCell sx={CELL}>Service</TableCell>
            {matrix.environments.map((e) => (
              <TableCell key={e.id} sx={CELL}>
                {e.title}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {matrix.services.map((s) => (
            <TableRow key={s.id}>
              <TableCell sx={CELL}>
                <EntityLink entity={{ kind: 'component', id: s.id, title: s.title }} />
              </TableCell>
              {matrix.environments.map((e) => (
                <Cell key={e.id} cell={s.cells[e.id]} service={s.id} environment={e.id} />
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroller>
  );
}
