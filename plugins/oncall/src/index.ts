import { oncallPlugin } from './plugin';

export { oncallPlugin as plugin, oncallPlugin };
export { oncallKinds, escalationPolicyKind, scheduleKind, incidentKind, runbookKind } from './kinds';
export type { RunbookStep, RunbookOutcome } from './kinds/runbook-kind';
export type { TimelineEntry, IncidentStatus } from './kinds/incident-kind';
export type { OnCallEntry } from './kinds/on-call-entry-schema';
export { oncallConfigSchema, resolveOncallConfig, type OncallConfig, type AccountConfig, type ServiceMapping } from './config/oncall-config';
export { PagerDutyClient, type PagerDutyClientOptions } from './pagerduty/pagerduty-client';
export { PagerDutyApiError } from './pagerduty/pagerduty-api-error';
export type { PagerDutyApi, CreateIncident } from './pagerduty/pagerduty-api';
export { verifyPagerDutySignature } from './routes/verify-pagerduty-signature';
export { PAGERDUTY_ANNOTATION } from './ingestion/service-map';
export default oncallPlugin;
