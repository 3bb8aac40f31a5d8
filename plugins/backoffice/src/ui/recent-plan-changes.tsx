import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { EntityLink, InfoCard, useCatalogQuery, type WidgetProps } from '@portico/ui-api';

/** Home: the customers whose plan changed last, with the tiers before and after. */
export function RecentPlanChanges({ widget }: WidgetProps): ReactElement {
  const changed = useCatalogQuery({
    kind: 'customer',
    filter: { combinator: 'and', rules: [{ property: 'planChangedAt', operator: 'isNotEmpty' }] },
    sort: { property: 'planChangedAt', order: 'desc' },
    limit: 10,
  });
  const items = changed.data?.items ?? [];
  return (
    <InfoCard title={widget.title}>
      {changed.error && <Alert severity="error">{changed.error.message}</Alert>}
      {items.length === 0 && !changed.loading && <Typography color="text.secondary">No plan changes through the portal yet.</Typography>}
      <List dense data-testid="recent-plan-changes">
        {items.map((c) => (
          <ListItem key={c.id} disableGutters>
            <ListItemText
              primary={<EntityLink entity={{ kind: 'customer', id: c.id, title: c.title }} />}
              secondary={`${String(c.properties.previousPlan ?? 'none')} → ${String(c.relations.plan ?? 'none')} · ${new Date(String(c.properties.planChangedAt)).toLocaleString()}`}
            />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}
