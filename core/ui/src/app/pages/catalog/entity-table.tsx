import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import Box from '@mui/material/Box';
import TableSortLabel from '@mui/material/TableSortLabel';
import LinearProgress from '@mui/material/LinearProgress';
import type { Entity, QuerySort } from '@portico/plugin-api';
import { entityPath, PortalLink, useCompactLayout, type PlacedWidget } from '@portico/ui-api';
import { PropertyValue } from '../../format/property-value';
import { matchesCondition } from '../../slots/matches-condition';
import { SlotWidget } from '../../slots/slot-widget';
import type { CatalogColumn } from './catalog-columns';
import type { EntityPages } from './use-entity-pages';

const ROW = 44;
const OVERSCAN = 8;
/** The title column stays in view while the other columns scroll sideways on narrow screens. */
const KEY_COLUMN = { position: 'sticky', left: 0, zIndex: 1, bgcolor: 'background.paper', alignSelf: 'stretch', lineHeight: `${ROW - 1}px` } as const;

function cellValue(entity: Entity, property: string): unknown {
  if (property === 'title') return entity.title;
  if (property === 'id') return entity.id;
  if (property === 'owner') return entity.owner;
  return entity.properties[property] ?? entity.computed?.[property];
}

export interface EntityTableProps {
  label: string;
  columns: CatalogColumn[];
  pluginColumns: PlacedWidget[];
  pages: EntityPages;
  sort: QuerySort;
  onSort(sort: QuerySort): void;
  height: number;
}

/**
 * A windowed table: only the rows in view (plus a few) are in the DOM, and the next page is
 * fetched when the user scrolls near the end of what is loaded. ARIA table roles keep it a
 * table for screen readers; arrow keys move between rows' links.
 */
export function EntityTable({ label, columns: given, pluginColumns, pages, sort, onSort, height }: EntityTableProps): ReactElement {
  // A phone keeps the title narrower so some of the next column shows and invites a sideways scroll.
  const compact = useCompactLayout();
  const columns = useMemo(() => (compact ? given.map((column) => (column.property === 'title' ? { ...column, width: 160 } : column)) : given), [compact, given]);
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const { rows, total, hasMore, loading, loadMore } = pages;
  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW) + OVERSCAN);
  const width = columns.reduce((sum, column) => sum + column.width, 0) + pluginColumns.length * 180;

  useEffect(() => {
    if (hasMore && !loading && last >= rows.length - OVERSCAN) loadMore();
  }, [hasMore, loading, last, rows.length, loadMore]);

  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
    setScrollTop(0);
  }, [columns]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const current = (event.target as HTMLElement).closest('[data-row-index]');
    if (!current) return;
    event.preventDefault();
    const index = Number(current.getAttribute('data-row-index')) + (event.key === 'ArrowDown' ? 1 : -1);
    if (index < 0 || index >= rows.length) return;
    const top = index * ROW;
    const box = scroller.current!;
    if (top < box.scrollTop + ROW) box.scrollTop = Math.max(0, top - ROW);
    else if (top + ROW > box.scrollTop + height - ROW) box.scrollTop = top - height + 2 * ROW;
    requestAnimationFrame(() => box.querySelector<HTMLElement>(`[data-row-index="${index}"] a`)?.focus());
  };

  const header = (
    <Box role="row" aria-rowindex={1} sx={{ display: 'flex', position: 'sticky', top: 0, zIndex: 1, bgcolor: 'background.paper', borderBottom: 1, borderColor: 'divider', height: ROW, alignItems: 'center', minWidth: width }}>
      {columns.map((column) => {
        const active = sort.property === column.property;
        return (
          <Box key={column.property} role="columnheader" aria-sort={column.sortable ? (active ? (sort.order === 'desc' ? 'descending' : 'ascending') : 'none') : undefined} sx={{ width: column.width, flexShrink: 0, px: 1.5, fontWeight: 600, fontSize: 14, ...(column.property === 'title' ? KEY_COLUMN : {}) }}>
            {column.sortable ? (
              <TableSortLabel active={active} direction={active ? (sort.order ?? 'asc') : 'asc'} onClick={() => onSort({ property: column.property, order: active && sort.order !== 'desc' ? 'desc' : 'asc' })}>
                {column.title}
              </TableSortLabel>
            ) : (
              column.title
            )}
          </Box>
        );
      })}
      {pluginColumns.map((widget) => (
        <Box key={widget.id} role="columnheader" sx={{ width: 180, flexShrink: 0, px: 1.5, fontWeight: 600, fontSize: 14 }}>
          {widget.title}
        </Box>
      ))}
    </Box>
  );

  return (
    <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, overflow: 'hidden' }}>
      {loading && <LinearProgress aria-label="Loading entities" />}
      <Box ref={scroller} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)} onKeyDown={onKeyDown} sx={{ height, overflow: 'auto', position: 'relative' }} data-testid="entity-table-scroller">
        <Box role="table" aria-label={label} aria-rowcount={total + 1} aria-busy={loading} data-total={total}>
          <div role="rowgroup">{header}</div>
          <Box role="rowgroup" sx={{ position: 'relative', height: rows.length * ROW + (hasMore ? ROW : 0), minWidth: width }}>
            {rows.slice(first, last).map((entity, offset) => {
              const index = first + offset;
              return (
                <Box
                  key={`${entity.kind}:${entity.id}`}
                  role="row"
                  aria-rowindex={index + 2}
                  data-row-index={index}
                  sx={{ position: 'absolute', top: index * ROW, left: 0, right: 0, height: ROW, display: 'flex', alignItems: 'center', borderBottom: 1, borderColor: 'divider', '&:hover': { bgcolor: 'action.hover' }, '&:focus-within': { bgcolor: 'action.selected' } }}
                >
                  {columns.map((column) => (
                    <Box key={column.property} role="cell" sx={{ width: column.width, flexShrink: 0, px: 1.5, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', fontSize: 14, ...(column.property === 'title' ? KEY_COLUMN : {}) }}>
                      {column.property === 'title' ? <PortalLink to={entityPath(entity)}>{entity.title || entity.id}</PortalLink> : <PropertyValue value={cellValue(entity, column.property)} schema={column.schema} compact />}
                    </Box>
                  ))}
                  {pluginColumns.map((widget) => (
                    <Box key={widget.id} role="cell" sx={{ width: 180, flexShrink: 0, px: 1.5, overflow: 'hidden', fontSize: 14 }}>
                      {matchesCondition(widget.condition, entity) && <SlotWidget widget={widget} entity={entity} />}
                    </Box>
                  ))}
                </Box>
              );
            })}
          </Box>
        </Box>
        {!loading && rows.length === 0 && (
          <Box sx={{ p: 3, color: 'text.secondary' }} role="status">
            No entities match.
          </Box>
        )}
      </Box>
    </Box>
  );
}
