import type { ReactElement } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { DashboardWidget } from '@portico/plugin-api';
import { useKinds } from '../../../kinds/kinds-provider';
import { aggregateFacet } from './aggregate-facet';
import { useWidgetQuery } from './use-widget-query';
import { WidgetState } from './widget-state';

const format = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** One big number: how many entities match, or the sum, average, minimum or maximum of a property over them. */
export function NumberWidget({ widget }: { widget: DashboardWidget }): ReactElement {
  const aggregate = widget.aggregate ?? 'count';
  const counts = aggregate === 'count';
  const { data, error } = useWidgetQuery(widget);
  const kind = useKinds().byId.get(widget.query?.kind ?? '')?.title ?? 'entities';
  if (!data) return <WidgetState error={error} label={widget.title} />;
  const value = counts ? data.total : aggregateFacet(data.facets?.[widget.property!] ?? {}, aggregate as Exclude<typeof aggregate, 'count'>);
  const caption = counts ? `${kind} matching` : `${aggregate} of ${widget.property} over ${format.format(data.total)} ${kind}`;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', justifyContent: 'center', height: '100%' }}>
      <Typography component="p" variant="h3" data-testid="dashboard-number" data-value={value ?? ''} sx={{ fontWeight: 600 }}>
        {value === null ? '—' : format.format(value)}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {caption}
      </Typography>
    </Box>
  );
}
