import type { WidgetDefinition } from '@portico/plugin-api';

/** Declared here so the kernel can list them; the components live in `src/ui`. */
export const cloudWidgets: WidgetDefinition[] = [
  { id: 'cloud.workloads', slot: 'entity.cards', title: 'Workloads', component: 'WorkloadCard', condition: { kind: 'component' }, order: 3 },
  { id: 'cloud.workload-pods', slot: 'entity.cards', title: 'Pods', component: 'WorkloadCard', condition: { kind: 'workload' }, order: 1 },
  { id: 'cloud.environment-countdown', slot: 'entity.cards', title: 'Time left', component: 'EnvironmentCountdown', condition: { kind: 'dev-environment' }, order: 1 },
  { id: 'cloud.my-environments', slot: 'home.widgets', title: 'My environments', component: 'MyEnvironments', order: 6 },
];
