import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Entity } from '@portico/plugin-api';
import { EntityLink, InfoCard, useCatalogQuery, type WidgetProps } from '@portico/ui-api';

/** The teams whose ownership to show: the team itself, or a user's teams. */
export function owningTeams(entity: Entity | undefined): string[] {
  if (!entity) return [];
  if (entity.kind === 'team') return [entity.id];
  const memberOf = entity.relations.memberOf;
  return Array.isArray(memberOf) ? memberOf : typeof memberOf === 'string' ? [memberOf] : [];
}

/** A Team or User page: what they own, counted by kind. */
export function OwnershipCard({ entity, widget }: WidgetProps): ReactElement {
  const teams = owningTeams(entity);
  const owned = useCatalogQuery(teams.length > 0 ? { filter: { combinator: 'and', rules: [{ property: 'owner', operator: 'in', value: teams }] }, limit: 100 } : null);
  const items = owned.data?.items ?? [];
  const byKind = new Map<string, number>();
  for (const item of items) byKind.set(item.kind, (byKind.get(item.kind) ?? 0) + 1);
  return (
    <InfoCard title={widget.title} subheader={entity?.kind === 'user' ? `Through ${teams.join(', ') || 'no team'}` : undefined}>
      {owned.error && <Alert severity="error">{owned.error.message}</Alert>}
      <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: 'wrap' }}>
        {[...byKind.entries()].map(([kind, count]) => (
          <Chip key={kind} label={`${count} ${kind}${count === 1 ? '' : 's'}`} size="small" />
        ))}
      </Stack>
      {!owned.loading && items.length === 0 && <Typography color="text.secondary">Owns nothing yet.</Typography>}
      <List dense data-testid="ownership-list">
        {items.map((item) => (
          <ListItem key={`${item.kind}:${item.id}`} disableGutters>
            <ListItemText primary={<EntityLink entity={item} />} secondary={item.kind} />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}
