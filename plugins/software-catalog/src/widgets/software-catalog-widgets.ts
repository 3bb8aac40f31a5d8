import type { WidgetDefinition } from '@portico/plugin-api';

/** Declared here so the kernel can list them; the components live in `src/ui`. */
export const softwareCatalogWidgets: WidgetDefinition[] = [
  {
    id: 'software-catalog.ownership-card',
    slot: 'entity.cards',
    title: 'Ownership',
    component: 'OwnershipCard',
    condition: { kind: ['team', 'user'] },
    order: 10,
  },
  {
    id: 'software-catalog.relations-card',
    slot: 'entity.cards',
    // The shell has its own "Relations" card (with a graph); this one lists them by type.
    title: 'Related entities',
    component: 'RelationsCard',
    condition: { kind: ['domain', 'system', 'component', 'api', 'resource', 'team', 'user'] },
    order: 20,
  },
  {
    id: 'software-catalog.system-overview',
    slot: 'entity.tabs',
    // The shell's first tab is already called "Overview".
    title: 'System overview',
    component: 'SystemOverview',
    condition: { kind: ['system', 'domain'] },
    order: 10,
  },
];
