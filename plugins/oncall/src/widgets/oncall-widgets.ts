import type { WidgetDefinition } from '@portico/plugin-api';

/** Declared here so the kernel can list them; the components live in `src/ui`. */
export const oncallWidgets: WidgetDefinition[] = [
  { id: 'oncall.on-call-now', slot: 'entity.cards', title: 'On call now', component: 'OnCallNow', condition: { kind: 'component' }, order: 1 },
  { id: 'oncall.team-on-call-now', slot: 'entity.cards', title: 'On call now', component: 'TeamOnCallNow', condition: { kind: 'team' }, order: 1 },
  { id: 'oncall.open-incidents', slot: 'entity.cards', title: 'Open incidents', component: 'OpenIncidents', condition: { kind: 'component' }, order: 2 },
  { id: 'oncall.home-open-incidents', slot: 'home.widgets', title: 'Open incidents', component: 'OpenIncidents', order: 5 },
  { id: 'oncall.incident-timeline', slot: 'entity.cards', title: 'Timeline', component: 'IncidentTimeline', condition: { kind: 'incident' }, order: 1 },
  { id: 'oncall.runbook-steps', slot: 'entity.cards', title: 'Steps', component: 'RunbookSteps', condition: { kind: 'runbook' }, order: 1 },
];
