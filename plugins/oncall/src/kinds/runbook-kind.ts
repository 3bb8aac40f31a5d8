import type { KindDefinition } from '@portico/plugin-api';

/**
 * One step of a runbook: an action of any plugin, with inputs templated from the incident and its service.
 * @public
 */
export interface RunbookStep {
  title: string;
  /** Action id, e.g. `cicd.revert`. */
  action: string;
  /** `<kind>:<id>` the step acts on, templated (`component:{{service.id}}`); omitted for global actions. */
  entity?: string;
  /** Inputs, templated: `{{incident.title}}`, `{{incident.properties.urgency}}`, `{{service.id}}`, `{{service.owner}}`. */
  inputs?: Record<string, unknown>;
  requiresApproval?: boolean;
  /** Who approves when `requiresApproval`; default: the service's owning team. */
  approvers?: { users?: string[]; teams?: string[] };
}

/**
 * What the last run of a runbook did, step by step.
 * @public
 */
export interface RunbookOutcome {
  runId: string;
  status: string;
  at: string;
  incident?: string;
  steps: Array<{ title: string; action: string; status: string; runId?: string; error?: string | null }>;
}

const stepSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'action'],
  properties: {
    title: { type: 'string', minLength: 1, title: 'Title' },
    action: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]*$', title: 'Action' },
    entity: { type: 'string', title: 'Entity (<kind>:<id>, templated)' },
    inputs: { type: 'object', title: 'Inputs (templated)' },
    requiresApproval: { type: 'boolean', title: 'Needs approval' },
    approvers: {
      type: 'object',
      additionalProperties: false,
      properties: { users: { type: 'array', items: { type: 'string' } }, teams: { type: 'array', items: { type: 'string' } } },
    },
  },
};

/**
 * An incident response runbook: the known fix, as ordered steps that are other plugins' actions.
 * @public
 */
export const runbookKind: KindDefinition = {
  id: 'runbook',
  title: 'Runbook',
  description: 'The known fix for an incident, as ordered steps that run other plugins\u2019 actions.',
  icon: 'menu_book',
  ownerKind: 'team',
  schema: {
    type: 'object',
    required: ['steps'],
    properties: {
      steps: { type: 'array', minItems: 1, maxItems: 50, title: 'Steps', items: stepSchema },
      runOnTrigger: { type: 'boolean', title: 'Start when an incident of its services is triggered', default: false },
      lastOutcome: { type: 'object', title: 'Last run' },
    },
  },
  relations: {
    components: { target: 'component', many: true, title: 'For services', inverse: 'runbooks', inverseTitle: 'Runbooks' },
  },
};
