export { createActionRunner, type ActionRunnerOptions, type ActionRunner } from './create-action-runner';
export { PorticoActionRunner, type ActionSummary, type RunReport } from './runner/portico-action-runner';
export { runWorker } from './worker/run-worker';
export type { Catalog, DueTimer } from './catalog/catalog';
export type { AutomationDefinition, AutomationEvent, AutomationTrigger, EventCondition, ConditionOperator } from './automations/automation';
export type { RunLogEntry, RunListFilter } from './runs/run-store';
export { signWebhook, verifyWebhookSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './invocations/webhook-signature';
export { REDACTED } from './runs/run-inputs';
