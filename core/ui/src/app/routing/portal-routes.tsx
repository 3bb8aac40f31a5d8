import type { ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import { usePortalLocation } from '@portico/ui-api';
import { AdminPage } from '../pages/admin/admin-page';
import { CatalogPage } from '../pages/catalog/catalog-page';
import { EntityPage } from '../pages/entity/entity-page';
import { HomePage } from '../pages/home/home-page';
import { RunPage } from '../pages/run/run-page';
import { RunsPage } from '../pages/run/runs-page';
import { ActionPage } from '../pages/self-service/action-page';
import { SelfServicePage } from '../pages/self-service/self-service-page';
import { usePluginRegistry } from '../plugins/plugin-registry';
import { SlotWidget } from '../slots/slot-widget';
import { useSlotWidgets } from '../slots/use-slot-widgets';
import { matchRoute } from './match-route';

function PluginPage({ path }: { path: string }): ReactElement {
  const pages = useSlotWidgets('pages');
  const { loading } = usePluginRegistry();
  const page = pages.find((widget) => widget.path === path);
  if (page) return <SlotWidget widget={page} />;
  return loading ? <span /> : <Alert severity="warning">There is no page at {path}.</Alert>;
}

/** The page for the current location. */
export function PortalRoutes(): ReactElement {
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
    default:
      return <PluginPage path={route.path} />;
  }
}
