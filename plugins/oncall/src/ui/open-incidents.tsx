import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { EntityLink, InfoCard, useCatalogQuery, type WidgetProps } from '@portico/ui-api';
import { formatRelative } from './format-time';

/** Open incidents: of one Component on its page, of everything on Home. */
export function OpenIncidents({ entity, widget }: WidgetProps): ReactElement {
  const rules: Array<{ property: string; operator: 'in' | '='; value: unknown }> = [{ property: 'status', operator: 'in', value: ['triggered', 'acknowledged'] }];
  if (entity) rules.push({ property: 'relations.component', operator: '=', value: entity.id });
  const incidents = useCatalogQuery({ kind: 'incident', filter: { combinator: 'and', rules }, sort: { property: 'createdAt', order: 'desc' }, limit: 20 });
  const items = incidents.data?.items ?? [];
  return (
    <InfoCard title={widget.title}>
      {incidents.error && <Alert severity="error">{incidents.error.message}</Alert>}
      {incidents.data && items.length === 0 && <Typography color="text.secondary">No open incidents.</Typography>}
      <List dense data-testid="open-incidents">
        {items.map((incident) => {
          const p = incident.properties as { status: string; urgency: string; number?: number; createdAt?: string; serviceName?: string; assignees?: Array<{ name: string }> };
          return (
            <ListItem key={incident.id} disableGutters>
              <ListItemText
                primary={
                  <>
                    <Chip size="small" color={p.status === 'triggered' ? 'error' : 'warning'} label={p.status} data-status={p.status} sx={{ mr: 1 }} />
                    <EntityLink entity={incident}>{`${p.number ? `#${p.number} ` : ''}${incident.title}`}</EntityLink>
                  </>
                }
                secondary={[p.urgency === 'high' ? 'High urgency' : 'Low urgency', !entity && p.serviceName, formatRelative(p.createdAt), p.assignees?.length ? `assigned to ${p.assignees.map((a) => a.name).join(', ')}` : null].filter(Boolean).join(' · ')}
              />
            </ListItem>
          );
        })}
      </List>
    </InfoCard>
  );
}
