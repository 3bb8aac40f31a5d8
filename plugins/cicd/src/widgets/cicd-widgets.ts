import type { WidgetDefinition } from '@portico/plugin-api';

/** Declared here so the kernel can list them; the components live in `src/ui`. */
export const cicdWidgets: WidgetDefinition[] = [
  { id: 'cicd.deployments-matrix', slot: 'home.widgets', title: 'What is deployed where', component: 'DeploymentsMatrix', order: 10 },
  { id: 'cicd.system-deployments-matrix', slot: 'entity.cards', title: 'Deployments', component: 'SystemDeploymentsMatrix', condition: { kind: 'system' }, order: 30 },
  {
    id: 'cicd.deployments-card',
    slot: 'entity.cards',
    title: 'Deployments',
    component: 'DeploymentsCard',
    condition: { kind: 'component', property: { name: 'type', equals: 'service' } },
    order: 5,
  },
  { id: 'cicd.ci-tab', slot: 'entity.tabs', title: 'CI', component: 'CiTab', condition: { kind: 'component' }, order: 20 },
];
