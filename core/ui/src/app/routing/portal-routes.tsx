import { lazy, Suspense, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import { usePortalLocation } from '@portico/ui-api';
import { CatalogPage } from '../pages/catalog/catalog-page';
import { HomePage } from '../pages/home/home-page';
import { RunsPage } from '../pages/run/runs-page';
import { usePluginRegistry } from '../plugins/plugin-registry';
import { SlotWidget } from '../slots/slot-widget';
import { useSlotWidgets } from '../slots/use-slot-widgets';
import { matchRoute } from './match-route';

// Home and Catalog, where people land, are in the shell's first load; the other pages load
// when first opened, so the first page has less JavaScript to compile.
const EntityPage = lazy(() => import('../pages/entity/entity-page').then((m) => ({ default: m.EntityPage })));
const SelfServicePage = lazy(() => import('../pages/self-service/self-service-page').then((m) => ({ default: m.SelfServicePage })));
const ActionPage = lazy(() => import('../pages/self-service/action-page').then((m) => ({ default: m.ActionPage })));
const RunPage = lazy(() => import('../pages/run/run-page').then((m) => ({ default: m.RunPage })));
const AdminPage = lazy(() => import('../pages/admin/admin-page').then((m) => ({ default: m.AdminPage })));
// Dashboards bring the grid and chart libraries: they load with the first dashboard, never before.
const DashboardsPage = lazy(() => import('../pages/dashboards/dashboards-page').then((m) => ({ default: m.DashboardsPage })));
const DashboardPage = lazy(() => import('../pages/dashboards/dashboard-page').then((m) => ({ default: m.DashboardPage })));
const TokensPage = lazy(() => import('../pages/tokens/tokens-page').then((m) => ({ default: m.TokensPage })));

function PluginPage({ path }: { path: string }): ReactElement {
  const pages = useSlotWidgets('pages');
  const { loading } = usePluginRegistry();
  const page = pages.find((widget) => widget.path === path);
  if (page) return <SlotWidget widget={page} />;
  return loading ? <span /> : <Alert severity="warning">There is no page at {path}.</Alert>;
}

/** The page for the current location. */
export function PortalRoutes(): ReactElement {
  return (
    <Suspense fallback={<span aria-busy="true" />}>
      <CurrentPage />
    </Suspense>
  );
}

function CurrentPage(): ReactElement {
  const { pathname } = usePortalLocation();
  const route = matchRoute(pathname);
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'catalog':
      return <CatalogPage kindId={route.kind} />;
    case 'entity':
      return <EntityPage key={`${route.kind}:${route.id}`} kindId={route.kind} entityId={route.id} />;
    case 'self-service':
      return <SelfServicePage />;
    case 'action':
      return <ActionPage key={route.actionId} actionId={route.actionId} />;
    case 'runs':
      return <RunsPage />;
    case 'run':
      return <RunPage key={route.runId} runId={route.runId} />;
    case 'admin':
      return <AdminPage section={route.section} kindId={route.kind} />;
    case 'tokens':
      return <TokensPage />;
    case 'dashboards':
      return <DashboardsPage />;
    case 'dashboard':
      return <DashboardPage key={route.id} id={route.id} />;
    default:
      return <PluginPage path={route.path} />;
  }
}
