import { lazy, Suspense, type ReactElement } from 'react';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Identity } from '@portico/plugin-api';
import { EntityLink, InfoCard, navigate, PageHeader, useApi, useCatalogQuery } from '@portico/ui-api';
import { CardSlot } from '../../slots/card-slot';
import { RunsTable } from '../run/runs-page';
import type { DashboardView } from '../dashboards/save-dashboard';

// Only people who chose a Home dashboard load the grid and chart libraries.
const DashboardScreen = lazy(() => import('../dashboards/dashboard-screen').then((m) => ({ default: m.DashboardScreen })));

/** Home: the dashboard the person chose to see here, or the built-in Home when they chose none. */
export function HomePage(): ReactElement {
  const { data, error } = useApi<{ dashboard: DashboardView | null }>('/dashboards/home');
  if (!data && !error) return <span aria-busy="true" />;
  if (data?.dashboard) {
    return (
      <Suspense fallback={<span aria-busy="true" />}>
        <DashboardScreen initial={data.dashboard} homeId={data.dashboard.id} />
      </Suspense>
    );
  }
  return <BuiltInHome />;
}

/** The built-in Home: plugin widgets, the signed-in identity's teams and what they own, recent runs. */
function BuiltInHome(): ReactElement {
  // `/me` answers the caller's identity; without it (older kernels) the page shows a guest.
  const { data: me } = useApi<Identity>('/me');
  const teams = me?.teams ?? [];
  const owned = useCatalogQuery(teams.length > 0 ? { filter: { combinator: 'and', rules: [{ property: 'owner', operator: 'in', value: teams }] }, limit: 20 } : null);
  return (
    <Stack spacing={3}>
      <PageHeader
        title={`Welcome${me ? `, ${me.displayName}` : ''}`}
        actions={
          <Button variant="outlined" onClick={() => navigate('/dashboards')}>
            Dashboards
          </Button>
        }
      />
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
