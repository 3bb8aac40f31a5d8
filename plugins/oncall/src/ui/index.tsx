// The browser bundle (dist/ui.mjs): each named export is a widget component the
// backend declares in `oncallWidgets` under the same name.
export { OnCallNow, TeamOnCallNow } from './on-call-now';
export { OpenIncidents } from './open-incidents';
export { IncidentTimeline } from './incident-timeline';
export { RunbookSteps } from './runbook-steps';
