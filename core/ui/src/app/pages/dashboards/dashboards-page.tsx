import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import { navigate, PageHeader, useApi } from '@portico/ui-api';
import { dashboardPath, type DashboardView } from './save-dashboard';

/** `/dashboards`: yours and your teams', and "New dashboard". */
export function DashboardsPage(): ReactElement {
  const { data, error } = useApi<{ items: DashboardView[]; homeId: string | null }>('/dashboards');
  return (
    <Stack spacing={2}>
      <PageHeader title="Dashboards" actions={<Button variant="contained" onClick={() => navigate('/dashboards/new')}>New dashboard</Button>} />
      {error && <Alert severity="error">{error.message}</Alert>}
      {data && data.items.length === 0 && <Alert severity="info">No dashboards of yours or your teams yet. Make one with "New dashboard".</Alert>}
      {data && data.items.length > 0 && (
        <Paper variant="outlined">
          <List aria-label="Your dashboards">
            {data.items.map((dashboard) => (
              <ListItem key={dashboard.id} disablePadding>
                <ListItemButton component="a" href={dashboardPath(dashboard.id)} onClick={(event: React.MouseEvent) => { event.preventDefault(); navigate(dashboardPath(dashboard.id)); }}>
                  <ListItemText
                    primary={dashboard.title}
                    secondary={`${dashboard.owner.startsWith('team:') ? `Team ${dashboard.owner.slice(5)}` : 'Yours'} · ${dashboard.widgets.length} widget(s)${data.homeId === dashboard.id ? ' · shown on Home' : ''}`}
                  />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        </Paper>
      )}
    </Stack>
  );
}
