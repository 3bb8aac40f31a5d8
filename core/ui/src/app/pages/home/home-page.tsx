import type { ReactElement } from 'react';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Identity } from '@portico/plugin-api';
import { EntityLink, InfoCard, useApi, useCatalogQuery } from '@portico/ui-api';
import { CardSlot } from '../../slots/card-slot';
import { RunsTable } from '../run/runs-page';

/** The dashboard: plugin widgets, the signed-in identity's teams and what they own, recent runs. */
export function HomePage(): ReactElement {
  // `/me` answers the caller's identity; without it (older kernels) the page shows a guest.
  const { data: me } = useApi<Identity>('/me');
  const teams = me?.teams ?? [];
  const owned = useCatalogQuery(teams.length > 0 ? { filter: { combinator: 'and', rules: [{ property: 'owner', operator: 'in', value: teams }] }, limit: 20 } : null);
  return (
    <Stack spacing={3}>
      <Typography variant="h4" component="h1">
        Welcome{me ? `, ${me.displayName}` : ''}
      </Typography>
      <CardSlot slot="home.widgets" />
      <InfoCard title="Your teams" subheader={teams.length === 0 ? 'You are in no team yet.' : undefined}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 1 }}>
          {teams.map((team) => (
            <Chip key={team} label={<EntityLink entity={{ kind: 'team', id: team }} />} variant="outlined" />
          ))}
        </Stack>
        {(owned.data?.items.length ?? 0) > 0 && (
          <Stack component="ul" sx={{ pl: 2, m: 0 }} aria-label="Entities your teams own">
            {owned.data!.items.map((entity) => (
              <li key={`${entity.kind}:${entity.id}`}>
                <EntityLink entity={entity} /> <Typography component="span" variant="caption" color="text.secondary">{entity.kind}</Typography>
              </li>
            ))}
          </Stack>
        )}
      </InfoCard>
      <InfoCard title="Recent runs">
        <RunsTable label="Recent runs" query={me && !me.isGuest ? `&actor=${encodeURIComponent(me.id)}` : ''} />
      </InfoCard>
    </Stack>
  );
}
