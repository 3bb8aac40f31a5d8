import type { ReactElement } from 'react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { DashboardWidget, Entity } from '@portico/plugin-api';
import { EntityLink, TableScroller } from '@portico/ui-api';
import { useKinds } from '../../../kinds/kinds-provider';
import { PropertyValue } from '../../../format/property-value';
import { catalogColumns } from '../../catalog/catalog-columns';
import { useWidgetQuery } from './use-widget-query';
import { WidgetState } from './widget-state';

function cell(entity: Entity, column: string): unknown {
  if (column === 'id' || column === 'title' || column === 'owner' || column === 'kind' || column === 'description') return entity[column];
  return entity.properties[column.replace(/^properties\./, '')];
}

/** The first rows of a query, with the chosen columns; the title links to the entity. */
export function TableWidget({ widget }: { widget: DashboardWidget }): ReactElement {
  const { data, error } = useWidgetQuery(widget);
  const { byId } = useKinds();
  if (!data) return <WidgetState error={error} label={widget.title} />;
  const columns = widget.columns?.length ? widget.columns : ['title'];
  const schemaOf = (entity: Entity, column: string) => byId.get(entity.kind)?.schema.properties?.[column];
  const kind = byId.get(widget.query?.kind ?? '');
  const titles = new Map((kind ? catalogColumns(kind) : []).map((c) => [c.property, c.title]));
  return (
    <>
      <TableScroller label={widget.title}>
        <Table size="small" aria-label={widget.title}>
          <TableHead>
            <TableRow>
              {columns.map((column) => (
                <TableCell key={column}>{titles.get(column) ?? kind?.schema.properties?.[column]?.title ?? column}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {data.items.map((entity) => (
              <TableRow key={`${entity.kind}:${entity.id}`}>
                {columns.map((column) => (
                  <TableCell key={column}>{column === 'title' ? <EntityLink entity={entity} /> : <PropertyValue value={cell(entity, column)} schema={schemaOf(entity, column)} compact />}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableScroller>
      <Typography variant="caption" color="text.secondary">
        {data.total > data.items.length ? `First ${data.items.length} of ${data.total}` : `${data.total} in all`}
      </Typography>
    </>
  );
}
