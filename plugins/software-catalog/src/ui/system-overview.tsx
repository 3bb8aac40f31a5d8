import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { EntityLink, TableScroller, useCatalogQuery, type WidgetProps } from '@portico/ui-api';

const KIND_ORDER = ['system', 'component', 'api', 'resource'];

/** A System (or Domain) page: its parts with their kind, type, owner and lifecycle. */
export function SystemOverview({ entity }: WidgetProps): ReactElement {
  const parts = useCatalogQuery(
    entity ? { filter: { combinator: 'and', rules: [{ operator: 'relatedTo', kind: entity.kind, id: entity.id, direction: 'downstream', maxHops: 1, relation: 'partOf' }] }, limit: 200 } : null,
  );
  const items = [...(parts.data?.items ?? [])].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.title.localeCompare(b.title));
  return (
    <Box data-testid="system-overview">
      {entity?.description && <Typography sx={{ mb: 2 }}>{entity.description}</Typography>}
      {parts.error && <Alert severity="error">{parts.error.message}</Alert>}
      {!parts.loading && items.length === 0 && <Typography color="text.secondary">Nothing is part of {entity?.title} yet.</Typography>}
      {items.length > 0 && (
        <TableScroller>
          <Table size="small" aria-label={`Parts of ${entity?.title ?? ''}`}>
            <TableHead>
              <TableRow>
                <TableCell>Name</TableCell>
                <TableCell>Kind</TableCell>
                <TableCell>Type</TableCell>
                <TableCell>Owner</TableCell>
                <TableCell>Lifecycle</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map((item) => (
                <TableRow key={`${item.kind}:${item.id}`}>
                  <TableCell>
                    <EntityLink entity={item} />
                  </TableCell>
                  <TableCell>{item.kind}</TableCell>
                  <TableCell>{String(item.properties.type ?? '')}</TableCell>
                  <TableCell>{item.owner ? <EntityLink entity={{ kind: 'team', id: item.owner }} /> : ''}</TableCell>
                  <TableCell>{item.properties.lifecycle ? <Chip size="small" label={String(item.properties.lifecycle)} /> : ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroller>
      )}
    </Box>
  );
}
