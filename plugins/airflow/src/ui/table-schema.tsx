import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { InfoCard, TableScroller, useCompactLayout, type WidgetProps } from '@portico/ui-api';
import type { TableColumn } from '../kinds/table-kind';

/** A Table's columns as PostgreSQL describes them: name, type, NULL allowed, default. */
export function TableSchema({ entity, widget }: WidgetProps): ReactElement {
  const compact = useCompactLayout();
  const p = (entity?.properties ?? {}) as { columns?: TableColumn[]; rowEstimate?: number; schema?: string; simulated?: boolean };
  const columns = p.columns ?? [];
  const subheader = [`${columns.length} column${columns.length === 1 ? '' : 's'}`, typeof p.rowEstimate === 'number' ? `about ${p.rowEstimate.toLocaleString('en')} rows` : null, p.schema ? `schema ${p.schema}` : null].filter(Boolean).join(' · ');
  return (
    <InfoCard title={widget.title} subheader={subheader}>
      {p.simulated && (
        <Alert severity="info" sx={{ mb: 1 }}>
          The demo's embedded sample database: changes here reach no real database.
        </Alert>
      )}
      <TableScroller label="Columns">
        <Table size="small" data-testid="table-schema" aria-label={`Columns of ${entity?.title ?? 'this table'}`}>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                Column
              </TableCell>
              <TableCell component="th" scope="col">
                Type
              </TableCell>
              <TableCell component="th" scope="col">
                NULL
              </TableCell>
              {!compact && (
                <TableCell component="th" scope="col">
                  Default
                </TableCell>
              )}
            </TableRow>
          </TableHead>
          <TableBody>
            {columns.map((column) => (
              <TableRow key={column.name} data-column={column.name}>
                <TableCell component="th" scope="row" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
                  {column.name}
                </TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{column.type}</TableCell>
                <TableCell>{column.nullable ? 'yes' : 'no'}</TableCell>
                {!compact && <TableCell sx={{ fontFamily: 'monospace', color: 'text.secondary' }}>{column.default ?? ''}</TableCell>}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableScroller>
    </InfoCard>
  );
}
