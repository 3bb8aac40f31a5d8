import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { TableScroller, useCatalogQuery, type WidgetProps } from '@portico/ui-api';
import { formatAge } from './format-age';

const RESULT_COLOR: Record<string, 'success' | 'error' | 'info' | 'default' | 'warning'> = {
  succeeded: 'success',
  failed: 'error',
  running: 'info',
  queued: 'default',
  cancelled: 'warning',
  skipped: 'default',
};

/** A Component's recent workflow runs and how they ended. */
export function CiTab({ entity }: WidgetProps): ReactElement {
  const builds = useCatalogQuery(
    entity
      ? { kind: 'build', filter: { combinator: 'and', rules: [{ property: 'relations.component', operator: '=', value: entity.id }] }, sort: { property: 'startedAt', order: 'desc' }, limit: 25 }
      : null,
  );
  const items = builds.data?.items ?? [];
  return (
    <div data-testid="ci-tab">
      {builds.error && <Alert severity="error">{builds.error.message}</Alert>}
      {!builds.loading && items.length === 0 && (
        <Typography color="text.secondary">No workflow runs yet. Add the repository to the cicd plugin's "repositories" config to ingest them.</Typography>
      )}
      {items.length > 0 && (
        <TableScroller>
          <Table size="small" aria-label="Recent workflow runs">
            <TableHead>
              <TableRow>
                <TableCell>Run</TableCell>
                <TableCell>Title</TableCell>
                <TableCell>Branch</TableCell>
                <TableCell>Trigger</TableCell>
                <TableCell>Result</TableCell>
                <TableCell>Started</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map((b) => {
                const p = b.properties as { url: string; displayTitle?: string; branch?: string; event?: string; result: string; startedAt?: string };
                return (
                  <TableRow key={b.id}>
                    <TableCell>
                      <Link href={p.url} target="_blank" rel="noreferrer">
                        {b.title}
                      </Link>
                    </TableCell>
                    <TableCell>{p.displayTitle}</TableCell>
                    <TableCell>{p.branch}</TableCell>
                    <TableCell>{p.event}</TableCell>
                    <TableCell>
                      <Chip size="small" color={RESULT_COLOR[p.result] ?? 'default'} label={p.result} data-result={p.result} />
                    </TableCell>
                    <TableCell>{formatAge(p.startedAt)}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableScroller>
      )}
    </div>
  );
}
