import { lazy, Suspense, useEffect, useMemo, useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { EntityQuery, PropertyRule, QuerySort } from '@portico/plugin-api';
import { navigate, useCompactLayout, usePortalLocation } from '@portico/ui-api';
import { useKinds } from '../../kinds/kinds-provider';
import { useDebouncedValue } from '../../layout/use-debounced-value';
import { usePluginRegistry } from '../../plugins/plugin-registry';
import { catalogColumns, facetProperties } from './catalog-columns';
import { EntityTable } from './entity-table';
import { FilterBar } from './filter-bar';
import { DEFAULT_CATALOG_SORT } from './first-page';
import { describeRule } from './filter-rules';
import { useEntityPages } from './use-entity-pages';

const CreateEntityDialog = lazy(() => import('./create-entity-dialog'));

/** Kinds on the left; the chosen kind's entities with search, filters, facets and sorting on the right. */
export function CatalogPage({ kindId }: { kindId?: string }): ReactElement {
  const { kinds, byId, loading: kindsLoading, error: kindsError } = useKinds();
  const { search: params } = usePortalLocation();
  const kind = kindId ? byId.get(kindId) : undefined;
  const [text, setText] = useState(params.get('search') ?? '');
  const [rules, setRules] = useState<PropertyRule[]>([]);
  const [sort, setSort] = useState<QuerySort>(DEFAULT_CATALOG_SORT);
  const [creating, setCreating] = useState(false);
  const compact = useCompactLayout();
  const search = useDebouncedValue(text.trim(), 250);
  // Column widgets apply per kind here; a property condition is checked per row by the table.
  const { widgets } = usePluginRegistry();
  const pluginColumns = useMemo(
    () => widgets.filter((widget) => widget.slot === 'catalog.columns' && (!widget.condition?.kind || [widget.condition.kind].flat().includes(kindId ?? ''))).sort((a, b) => (a.order ?? 0) - (b.order ?? 0)),
    [widgets, kindId],
  );

  useEffect(() => {
    if (!kindId && kinds.length > 0) navigate(`/catalog/${encodeURIComponent(kinds[0].id)}`, { replace: true });
  }, [kindId, kinds]);
  useEffect(() => {
    setRules([]);
    setSort(DEFAULT_CATALOG_SORT);
  }, [kindId]);

  const columns = useMemo(() => (kind ? catalogColumns(kind) : []), [kind]);
  const query = useMemo<EntityQuery | null>(
    () =>
      kind
        ? {
            kind: kind.id,
            ...(rules.length > 0 ? { filter: { combinator: 'and', rules } } : {}),
            ...(search ? { search } : {}),
            sort,
            facets: facetProperties(kind),
          }
        : null,
    [kind, rules, search, sort],
  );
  const pages = useEntityPages(query);

  const addRule = (rule: PropertyRule): void => {
    setRules((current) => (current.some((item) => JSON.stringify(item) === JSON.stringify(rule)) ? current : [...current, rule]));
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: { xs: 'column', md: 'row' }, gap: 2, alignItems: { xs: 'stretch', md: 'flex-start' } }}>
      {compact ? (
        <TextField select size="small" label="Kind" value={kindId ?? ''} onChange={(event) => navigate(`/catalog/${encodeURIComponent(event.target.value)}`)}>
          {kinds.map((item) => (
            <MenuItem key={item.id} value={item.id}>
              {item.title}
            </MenuItem>
          ))}
        </TextField>
      ) : (
        <Paper variant="outlined" sx={{ width: 200, flexShrink: 0 }}>
          <Typography variant="overline" component="h2" sx={{ px: 2, pt: 1, display: 'block' }}>
            Kinds
          </Typography>
          <List dense aria-label="Kinds">
            {kinds.map((item) => (
              <ListItem key={item.id} disablePadding>
                <ListItemButton component="a" href={`/catalog/${item.id}`} selected={item.id === kindId} aria-current={item.id === kindId ? 'page' : undefined} onClick={(event: React.MouseEvent) => { event.preventDefault(); navigate(`/catalog/${encodeURIComponent(item.id)}`); }}>
                  <ListItemText primary={item.title} secondary={item.id} />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        </Paper>
      )}
      <Box sx={{ flexGrow: 1, minWidth: 0 }}>
        {kindsError && <Alert severity="error">{kindsError.message}</Alert>}
        {!kindsLoading && kindId && !kind && <Alert severity="warning">There is no kind "{kindId}".</Alert>}
        {kind && (
          <Stack spacing={2}>
            <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="h5" component="h1" sx={{ flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
                {kind.title}{' '}
                <Typography component="span" color="text.secondary" data-testid="catalog-total">
                  {pages.total.toLocaleString('en')} {pages.total === 1 ? 'entity' : 'entities'}
                </Typography>
              </Typography>
              <Button variant="contained" onClick={() => setCreating(true)}>
                New {kind.title}
              </Button>
            </Stack>
            {kind.description && <Typography color="text.secondary">{kind.description}</Typography>}
            <TextField size="small" label={`Search ${kind.title}`} value={text} onChange={(event) => setText(event.target.value)} slotProps={{ htmlInput: { 'aria-label': `Search ${kind.title} by title or id` } }} />
            <FilterBar key={kind.id} columns={columns} onAdd={addRule} />
            {rules.length > 0 && (
              <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} role="group" aria-label="Active filters">
                {rules.map((rule, index) => (
                  <Chip key={index} color="primary" label={describeRule(rule)} onDelete={() => setRules(rules.filter((_, i) => i !== index))} />
                ))}
              </Stack>
            )}
            {Object.entries(pages.facets).length > 0 && (
              <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} role="group" aria-label="Facets">
                {Object.entries(pages.facets).flatMap(([property, counts]) =>
                  Object.entries(counts)
                    .sort((a, b) => b[1] - a[1])
                    .slice(0, 8)
                    .map(([value, count]) => (
                      <Chip key={`${property}=${value}`} variant="outlined" size="small" label={`${property}: ${value} (${count})`} onClick={() => addRule({ property, operator: '=', value: value === 'true' ? true : value === 'false' ? false : value })} />
                    )),
                )}
              </Stack>
            )}
            {pages.error && <Alert severity="error">{pages.error.message}</Alert>}
            <EntityTable label={`${kind.title} entities`} columns={columns} pluginColumns={pluginColumns} pages={pages} sort={sort} onSort={setSort} height={Math.max(320, window.innerHeight - 420)} />
          </Stack>
        )}
      </Box>
      {creating && kind && (
        <Suspense fallback={null}>
          <CreateEntityDialog kind={kind} onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </Box>
  );
}
