import type { ActionDefinition } from '@portico/plugin-api';
import { writeIncident } from '../ingestion/incident-writer';
import { serviceOfComponent } from '../ingestion/service-map';
import { fromEmail, noteSimulated, type OncallActionDeps } from './oncall-action-deps';

interface PageInputs {
  title: string;
  urgency: 'high' | 'low';
  details?: string;
}

/** Pages the on-call of a Component's PagerDuty service: a new incident, linked back both ways. */
export function pageAction(deps: OncallActionDeps): ActionDefinition<PageInputs> {
  return {
    id: 'oncall.page',
    title: 'Page the on-call',
    description: 'Creates a PagerDuty incident on this service, which pages whoever is on call now.',
    icon: 'campaign',
    kind: 'component',
    operation: 'day-2',
    permission: 'oncall.page',
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['title', 'urgency'],
      properties: {
        title: { type: 'string', title: 'What is wrong', minLength: 3, maxLength: 255 },
        urgency: { type: 'string', title: 'Urgency', enum: ['high', 'low'], default: 'high', description: 'High pages now, day and night; low notifies without waking anyone.' },
        details: { type: 'string', title: 'Details', maxLength: 10_000, format: 'markdown' },
      },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        noteSimulated(ctx, deps.config);
        const component = ctx.entity!;
        const link = serviceOfComponent(deps.config, component);
        if (!link) {
          throw new Error(`${component.id} is tied to no PagerDuty service: set its property "pagerdutyServiceId", the Backstage annotation "pagerduty.com/service-id", or list it under the on-call plugin's "services".`);
        }
        const api = await deps.pagerduty(link.account);
        const details = [ctx.inputs.details, `Paged from Portico by ${ctx.actor} (run ${ctx.runId}).`].filter(Boolean).join('\n\n');
        // The run id as incident key: a retried attempt finds PagerDuty's open incident instead of paging twice.
        const incident = await api.createIncident({ title: ctx.inputs.title, serviceId: link.serviceId, urgency: ctx.inputs.urgency, details, incidentKey: `portico-${ctx.runId}` }, await fromEmail(ctx, deps.config, link.account));
        ctx.logger.info(`Created PagerDuty incident #${incident.incident_number} (${incident.id}) on service ${link.serviceId}; assigned to ${incident.assignments.map((a) => a.assignee.summary ?? a.assignee.id).join(', ') || 'nobody yet'}`);
        const entity = await writeIncident(ctx.catalog, deps.config, link.account, incident, [{ at: incident.created_at, type: 'trigger', summary: `Paged from Portico by ${ctx.actor}` }]);
        ctx.addLink({ title: `PagerDuty incident #${incident.incident_number}`, url: incident.html_url });
        ctx.setOutput('incident', entity.id);
        ctx.setOutput('pagerdutyIncidentId', incident.id);
        ctx.setOutput('assignees', incident.assignments.map((a) => a.assignee.summary ?? a.assignee.id));
      },
    },
  };
}
