import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { EntityLink, InfoCard, useApi, useCatalogQuery, type WidgetProps } from '@portico/ui-api';
import { formatTimeLeft } from './format-duration';

/** Home: the environments you are a member of that still run, soonest to expire first. */
export function MyEnvironments({ widget }: WidgetProps): ReactElement {
  const me = useApi<{ id: string; kind: string }>('/me');
  const person = me.data?.kind === 'user' ? me.data.id.replace(/^user:/, '') : null;
  const rules: Array<{ property: string; operator: 'notIn' | 'contains'; value: unknown }> = [{ property: 'status', operator: 'notIn', value: ['ended'] }];
  if (person) rules.push({ property: 'members', operator: 'contains', value: person });
  const environments = useCatalogQuery(me.data ? { kind: 'dev-environment', filter: { combinator: 'and', rules }, sort: { property: 'expiresAt', order: 'asc' }, limit: 20 } : null);
  const items = environments.data?.items ?? [];
  const error = me.error ?? environments.error;
  return (
    <InfoCard title={widget.title}>
      {error && <Alert severity="error">{error.message}</Alert>}
      {environments.data && items.length === 0 && <Typography color="text.secondary">No developer environment of yours is running.</Typography>}
      <List dense data-testid="my-environments">
        {items.map((env) => (
          <ListItem key={env.id} disableGutters>
            <ListItemText primary={<EntityLink entity={env} />} secondary={`${String(env.properties.status)} · ${formatTimeLeft(String(env.properties.expiresAt))} left`} />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}
