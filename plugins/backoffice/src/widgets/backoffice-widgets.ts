import type { WidgetDefinition } from '@portico/plugin-api';

/** Declared here so the kernel can list them; the components live in `src/ui`. */
export const backofficeWidgets: WidgetDefinition[] = [
  { id: 'backoffice.customers-per-plan', slot: 'home.widgets', title: 'Customers per plan', component: 'CustomersPerPlan', order: 40 },
  { id: 'backoffice.recent-plan-changes', slot: 'home.widgets', title: 'Recent plan changes', component: 'RecentPlanChanges', order: 41 },
  { id: 'backoffice.customer-card', slot: 'entity.cards', title: 'Customer', component: 'CustomerCard', condition: { kind: 'customer' }, order: 1 },
];
