import { useEffect, useState, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { EntityLink, InfoCard, useApi, useCatalogQuery, type WidgetProps } from '@portico/ui-api';
import { formatCountdown } from './format-countdown';

/** Home: my running notebooks, soonest to stop first, each counting down. */
export function MyNotebooks({ widget }: WidgetProps): ReactElement {
  const me = useApi<{ id: string; kind: string }>('/me');
  const user = me.data ? me.data.id.replace(/^user:/, '') : null;
  const notebooks = useCatalogQuery(user ? { kind: 'ml-notebook', filter: { combinator: 'and', rules: [{ property: 'user', operator: '=', value: user }, { property: 'status', operator: 'in', value: ['starting', 'ready'] }] }, sort: { property: 'expiresAt', order: 'asc' }, limit: 20 } : null);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const items = notebooks.data?.items ?? [];
  const error = me.error ?? notebooks.error;
  return (
    <InfoCard title={widget.title}>
      {error && <Alert severity="error">{error.message}</Alert>}
      {notebooks.data && items.length === 0 && <Typography color="text.secondary">No notebook of yours is running.</Typography>}
      <List dense data-testid="my-notebooks">
        {items.map((n) => (
          <ListItem key={n.id} disableGutters secondaryAction={typeof n.properties.url === 'string' ? <Link href={n.properties.url}>Open</Link> : undefined}>
            <ListItemText primary={<EntityLink entity={n} />} secondary={<span data-testid="countdown" data-expires-at={String(n.properties.expiresAt)}>{`${String(n.properties.status)} · stops in ${formatCountdown(String(n.properties.expiresAt), now)}`}</span>} />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}
