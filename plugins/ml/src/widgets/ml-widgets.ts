import type { WidgetDefinition } from '@portico/plugin-api';

/** Declared here so the kernel can list them; the components live in `src/ui`. */
export const mlWidgets: WidgetDefinition[] = [
  { id: 'ml.model-versions', slot: 'entity.cards', title: 'Versions', component: 'ModelVersions', condition: { kind: 'ml-model' }, order: 1 },
  { id: 'ml.serving-traffic', slot: 'entity.cards', title: 'Traffic split', component: 'ServingTraffic', condition: { kind: 'ml-serving-endpoint' }, order: 1 },
  { id: 'ml.my-notebooks', slot: 'home.widgets', title: 'My notebooks', component: 'MyNotebooks', order: 7 },
];
