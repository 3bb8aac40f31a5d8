import type { KindDefinition } from '@portico/plugin-api';
import { escalationPolicyKind } from './escalation-policy-kind';
import { incidentKind } from './incident-kind';
import { runbookKind } from './runbook-kind';
import { scheduleKind } from './schedule-kind';

export { escalationPolicyKind, incidentKind, runbookKind, scheduleKind };
/** @public */
export const oncallKinds: KindDefinition[] = [scheduleKind, escalationPolicyKind, incidentKind, runbookKind];
