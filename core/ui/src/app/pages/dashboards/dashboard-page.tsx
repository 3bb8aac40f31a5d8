import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import { useApi } from '@portico/ui-api';
import { DashboardScreen } from './dashboard-screen';
import type { DashboardView } from './save-dashboard';

/** `/dashboards/<id>` (what a shared link opens) and `/dashboards/new`. */
export function DashboardPage({ id }: { id: string }): ReactElement {
  const isNew = id === 'new';
  const dashboard = useApi<DashboardView>(isNew ? null : `/dashboards/${encodeURIComponent(id)}`);
  const home = useApi<{ dashboard: DashboardView | null }>('/dashboards/home');
  if (isNew) return <DashboardScreen initial={null} />;
  if (dashboard.error) return <Alert severity="error">{dashboard.error.message}</Alert>;
  if (!dashboard.data || home.loading) return <span aria-busy="true" />;
  return <DashboardScreen key={dashboard.data.id} initial={dashboard.data} homeId={home.data?.dashboard?.id ?? null} />;
}
