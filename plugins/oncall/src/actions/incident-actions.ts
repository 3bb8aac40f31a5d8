import type { ActionContext, ActionDefinition } from '@portico/plugin-api';
import type { TimelineEntry } from '../kinds/incident-kind';
import { writeIncident } from '../ingestion/incident-writer';
import type { PagerDutyApi } from '../pagerduty/pagerduty-api';
import type { PdIncident } from '../pagerduty/pagerduty-types';
import { fromEmail, noteSimulated, pagerDutyTarget, type OncallActionDeps } from './oncall-action-deps';

const openIncident = { combinator: 'and' as const, rules: [{ property: 'status', operator: '!=' as const, value: 'resolved' }] };

/** Runs `change` on the incident's PagerDuty record, then stores what PagerDuty answered with a timeline entry. */
async function changeIncident<I>(ctx: ActionContext<I>, deps: OncallActionDeps, summary: string, change: (api: PagerDutyApi, id: string, from: string) => Promise<PdIncident>): Promise<void> {
  noteSimulated(ctx, deps.config);
  const { account, pagerdutyId } = pagerDutyTarget(ctx.entity, 'incident');
  const api = await deps.pagerduty(account);
  const incident = await change(api, pagerdutyId, await fromEmail(ctx, deps.config, account));
  const entry: TimelineEntry = { at: new Date().toISOString(), type: 'portico', summary: `${summary} from Portico by ${ctx.actor}` };
  await writeIncident(ctx.catalog, deps.config, account, incident, [entry]);
  ctx.logger.info(`${summary}: PagerDuty incident ${pagerdutyId} is now ${incident.status}, assigned to ${incident.assignments.map((a) => a.assignee.summary ?? a.assignee.id).join(', ') || 'nobody'}`);
  ctx.addLink({ title: `PagerDuty incident #${incident.incident_number}`, url: incident.html_url });
  ctx.setOutput('status', incident.status);
}

export function acknowledgeAction(deps: OncallActionDeps): ActionDefinition<Record<string, never>> {
  return {
    id: 'oncall.acknowledge',
    title: 'Acknowledge',
    description: 'Tells PagerDuty someone is on it, which stops escalation.',
    icon: 'front_hand',
    kind: 'incident',
    operation: 'day-2',
    condition: { combinator: 'and', rules: [{ property: 'status', operator: '=', value: 'triggered' }] },
    inputSchema: { type: 'object', additionalProperties: false, properties: {} },
    invocation: { type: 'handler', handler: (ctx) => changeIncident(ctx, deps, 'Acknowledged', (api, id, from) => api.updateIncident(id, { status: 'acknowledged' }, from)) },
  };
}

export function resolveAction(deps: OncallActionDeps): ActionDefinition<{ note: string }> {
  return {
    id: 'oncall.resolve',
    title: 'Resolve',
    description: 'Resolves the incident in PagerDuty, with a note saying what fixed it.',
    icon: 'check_circle',
    kind: 'incident',
    operation: 'day-2',
    permission: 'oncall.incident.manage',
    condition: openIncident,
    inputSchema: { type: 'object', additionalProperties: false, required: ['note'], properties: { note: { type: 'string', title: 'What fixed it', minLength: 3, maxLength: 25_000 } } },
    invocation: {
      type: 'handler',
      handler: (ctx) =>
        changeIncident(ctx, deps, 'Resolved', async (api, id, from) => {
          // The note first: if it fails, the incident stays open rather than resolved without its explanation.
          await api.addNote(id, ctx.inputs.note, from);
          return api.updateIncident(id, { status: 'resolved', resolution: ctx.inputs.note }, from);
        }),
    },
  };
}

export function reassignAction(deps: OncallActionDeps): ActionDefinition<{ assigneeEmail: string }> {
  return {
    id: 'oncall.reassign',
    title: 'Reassign',
    description: 'Hands the incident to another PagerDuty user.',
    icon: 'person_search',
    kind: 'incident',
    operation: 'day-2',
    permission: 'oncall.incident.manage',
    condition: openIncident,
    inputSchema: { type: 'object', additionalProperties: false, required: ['assigneeEmail'], properties: { assigneeEmail: { type: 'string', title: "New assignee's email", format: 'email' } } },
    invocation: {
      type: 'handler',
      handler: (ctx) =>
        changeIncident(ctx, deps, `Reassigned to ${ctx.inputs.assigneeEmail}`, async (api, id, from) => {
          const user = await api.findUserByEmail(ctx.inputs.assigneeEmail);
          if (!user) throw new Error(`No PagerDuty user has the email ${ctx.inputs.assigneeEmail}; check the address or invite them to PagerDuty.`);
          return api.updateIncident(id, { assigneeIds: [user.id] }, from);
        }),
    },
  };
}

export function escalateAction(deps: OncallActionDeps): ActionDefinition<{ level: number }> {
  return {
    id: 'oncall.escalate',
    title: 'Escalate',
    description: 'Pages the next level of the escalation policy (or the level chosen).',
    icon: 'trending_up',
    kind: 'incident',
    operation: 'day-2',
    permission: 'oncall.incident.manage',
    condition: openIncident,
    inputSchema: { type: 'object', additionalProperties: false, required: ['level'], properties: { level: { type: 'integer', title: 'Escalation level', minimum: 1, maximum: 20, default: 2 } } },
    invocation: { type: 'handler', handler: (ctx) => changeIncident(ctx, deps, `Escalated to level ${ctx.inputs.level}`, (api, id, from) => api.updateIncident(id, { escalationLevel: ctx.inputs.level }, from)) },
  };
}
