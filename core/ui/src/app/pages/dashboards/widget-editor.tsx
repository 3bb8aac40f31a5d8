import { useMemo, useState, type ReactElement } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { DashboardAggregate, DashboardWidget, PropertyRule, QueryRule, RunStatus } from '@portico/plugin-api';
import { WrapRow } from '@portico/ui-api';
import { useKinds } from '../../kinds/kinds-provider';
import { useDebouncedValue } from '../../layout/use-debounced-value';
import { catalogColumns } from '../catalog/catalog-columns';
import { FilterBar } from '../catalog/filter-bar';
import { describeRule } from '../catalog/filter-rules';
import { ROW_HEIGHT } from './dashboard-grid';
import { DashboardWidgetView } from './widgets/dashboard-widget-view';
import { WidgetBoundary } from '../../slots/widget-boundary';
import { kindFields, widgetFields } from './widget-fields';

const AGGREGATES: DashboardAggregate[] = ['count', 'sum', 'avg', 'min', 'max'];
const STATUSES: RunStatus[] = ['queued', 'waiting_for_approval', 'running', 'succeeded', 'failed', 'cancelled', 'declined', 'timed_out'];

const isPropertyRule = (rule: QueryRule): rule is PropertyRule => 'property' in rule;

/**
 * The form that edits one widget's query and display, with a live preview of the widget as it
 * will look (same size, same data). Positions and sizes are fields too, for keyboard users.
 */
export function WidgetEditor({ initial, onApply, onClose }: { initial: DashboardWidget; onApply(widget: DashboardWidget): void; onClose(): void }): ReactElement {
  const [widget, setWidget] = useState(initial);
  const { kinds, byId } = useKinds();
  const kind = widget.query?.kind ? byId.get(widget.query.kind) : undefined;
  const columns = useMemo(() => (kind ? catalogColumns(kind) : [{ property: 'title', title: 'Title', width: 0, sortable: false }, { property: 'owner', title: 'Owner', width: 0, sortable: false }, { property: 'kind', title: 'Kind', width: 0, sortable: false }]), [kind]);
  const fields = widgetFields(widget);
  const fieldsOf = useMemo(() => kindFields(kind), [kind]);
  const preview = useDebouncedValue(widget, 300);
  const set = (patch: Partial<DashboardWidget>): void => setWidget((w) => ({ ...w, ...patch }));
  const setQuery = (patch: Partial<NonNullable<DashboardWidget['query']>>): void => setWidget((w) => ({ ...w, query: { ...(w.query ?? {}), ...patch } }));
  const rules = (widget.query?.filter?.rules ?? []).filter(isPropertyRule);
  const setRules = (next: PropertyRule[]): void => setQuery({ filter: next.length ? { combinator: 'and', rules: next } : undefined });
  const setLayout = (key: 'x' | 'y' | 'w' | 'h', value: string): void => {
    const n = Math.round(Number(value));
    if (Number.isFinite(n)) setWidget((w) => ({ ...w, layout: { ...w.layout, [key]: n } }));
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="widget-editor-title">
      <DialogTitle id="widget-editor-title">{initial.title ? `Edit widget: ${initial.title}` : 'Edit widget'}</DialogTitle>
      <DialogContent>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 1fr) minmax(0, 1fr)' }, pt: 1 }}>
          <Stack spacing={2} role="group" aria-label="Widget settings">
            <TextField label="Widget title" value={widget.title} onChange={(event) => set({ title: event.target.value })} required size="small" />
            {fields.query && (
              <>
                <TextField select label="Kind" size="small" value={widget.query?.kind ?? ''} onChange={(event) => setQuery({ kind: event.target.value || undefined, filter: undefined })}>
                  <MenuItem value="">Every kind</MenuItem>
                  {kinds.map((k) => (
                    <MenuItem key={k.id} value={k.id}>
                      {k.title}
                    </MenuItem>
                  ))}
                </TextField>
                <TextField label="Search (title or id)" size="small" value={widget.query?.search ?? ''} onChange={(event) => setQuery({ search: event.target.value || undefined })} />
                {rules.length > 0 && (
                  <WrapRow aria-label="Filters">
                    {rules.map((rule, i) => (
                      <Chip key={`${describeRule(rule)}-${i}`} label={describeRule(rule)} onDelete={() => setRules(rules.filter((_, j) => j !== i))} />
                    ))}
                  </WrapRow>
                )}
                <FilterBar columns={columns} onAdd={(rule) => setRules([...rules, rule])} />
              </>
            )}
            {widget.type === 'number' && (
              <TextField select label="Show" size="small" value={widget.aggregate ?? 'count'} onChange={(event) => set({ aggregate: event.target.value as DashboardAggregate })}>
                {AGGREGATES.map((a) => (
                  <MenuItem key={a} value={a}>
                    {a === 'count' ? 'the number of matches' : `the ${a} of a property`}
                  </MenuItem>
                ))}
              </TextField>
            )}
            {widget.type === 'line' && (
              <TextField select label="Draw" size="small" value={widget.source ?? 'runs'} onChange={(event) => set({ source: event.target.value as 'runs' | 'property', ...(event.target.value === 'property' ? { query: widget.query ?? {}, timeProperty: widget.timeProperty ?? 'meta.updatedAt' } : {}) })}>
                <MenuItem value="runs">runs started per day</MenuItem>
                <MenuItem value="property">a number property over time</MenuItem>
              </TextField>
            )}
            {fields.property && (
              <TextField select label={fields.numeric ? 'Numeric property' : 'Values of'} size="small" value={widget.property ?? ''} onChange={(event) => set({ property: event.target.value })}>
                {(fields.numeric ? fieldsOf.numeric : fieldsOf.facets).map((name) => (
                  <MenuItem key={name} value={name}>
                    {name}
                  </MenuItem>
                ))}
              </TextField>
            )}
            {fields.timeProperty && (
              <TextField select label="Along (date)" size="small" value={widget.timeProperty ?? ''} onChange={(event) => set({ timeProperty: event.target.value })}>
                {fieldsOf.dates.map((name) => (
                  <MenuItem key={name} value={name}>
                    {name}
                  </MenuItem>
                ))}
              </TextField>
            )}
            {widget.type === 'table' && (
              <TextField
                select
                label="Columns"
                size="small"
                value={widget.columns ?? []}
                slotProps={{ select: { multiple: true } }}
                onChange={(event) => set({ columns: ([] as string[]).concat(event.target.value as unknown as string[]) })}
              >
                {columns.map((column) => (
                  <MenuItem key={column.property} value={column.property}>
                    {column.title}
                  </MenuItem>
                ))}
              </TextField>
            )}
            {fields.runs && (
              <>
                <TextField label="Action id (optional)" size="small" value={widget.runs?.actionId ?? ''} onChange={(event) => set({ runs: { ...widget.runs, actionId: event.target.value || undefined } })} />
                <TextField select label="Status" size="small" value={widget.runs?.status ?? ''} onChange={(event) => set({ runs: { ...widget.runs, status: (event.target.value || undefined) as RunStatus | undefined } })}>
                  <MenuItem value="">Any status</MenuItem>
                  {STATUSES.map((status) => (
                    <MenuItem key={status} value={status}>
                      {status}
                    </MenuItem>
                  ))}
                </TextField>
                <TextField label="Team (runs on entities it owns)" size="small" value={widget.runs?.team ?? ''} onChange={(event) => set({ runs: { ...widget.runs, team: event.target.value || undefined } })} />
              </>
            )}
            {widget.type === 'line' && widget.source !== 'property' && (
              <TextField label="Days" type="number" size="small" value={widget.days ?? 14} onChange={(event) => set({ days: Math.min(90, Math.max(1, Math.round(Number(event.target.value)) || 14)) })} />
            )}
            <WrapRow aria-label="Place on the grid">
              {(['x', 'y', 'w', 'h'] as const).map((key) => (
                <TextField key={key} label={{ x: 'Column', y: 'Row', w: 'Width', h: 'Height' }[key]} type="number" size="small" value={widget.layout[key]} onChange={(event) => setLayout(key, event.target.value)} sx={{ width: 96 }} />
              ))}
            </WrapRow>
          </Stack>
          <Box>
            <Typography variant="overline" component="h3">
              Preview
            </Typography>
            <Box data-testid="widget-preview" sx={{ height: Math.max(2, preview.layout.h) * ROW_HEIGHT, border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5, overflow: 'auto' }}>
              <WidgetBoundary key={JSON.stringify(preview)} label={preview.title}>
                <DashboardWidgetView widget={preview} />
              </WidgetBoundary>
            </Box>
          </Box>
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => onApply(widget)} disabled={!widget.title.trim()}>
          Apply
        </Button>
      </DialogActions>
    </Dialog>
  );
}
