import type { KindDefinition } from '@portico/plugin-api';

export const INCIDENT_STATUSES = ['triggered', 'acknowledged', 'resolved'] as const;
/** @public */
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/**
 * One entry of an incident's timeline, newest last.
 * @public
 */
export interface TimelineEntry {
  at: string;
  type: string;
  summary: string;
  by?: string;
}

/**
 * A PagerDuty incident, kept current by webhooks and resyncs.
 * @public
 */
export const incidentKind: KindDefinition = {
  id: 'incident',
  title: 'Incident',
  description: 'Something is broken and someone was paged: a PagerDuty incident.',
  icon: 'report',
  schema: {
    type: 'object',
    required: ['pagerdutyId', 'account', 'status', 'urgency'],
    properties: {
      pagerdutyId: { type: 'string', title: 'PagerDuty id' },
      account: { type: 'string', title: 'PagerDuty account' },
      number: { type: 'integer', title: 'Number' },
      status: { type: 'string', title: 'Status', enum: [...INCIDENT_STATUSES] },
      urgency: { type: 'string', title: 'Urgency', enum: ['high', 'low'] },
      serviceId: { type: 'string', title: 'PagerDuty service' },
      serviceName: { type: 'string', title: 'Service' },
      assignees: { type: 'array', title: 'Assigned to', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } } },
      createdAt: { type: 'string', title: 'Triggered', format: 'date-time' },
      acknowledgedAt: { type: ['string', 'null'], title: 'Acknowledged', format: 'date-time' },
      resolvedAt: { type: ['string', 'null'], title: 'Resolved', format: 'date-time' },
      url: { type: 'string', title: 'In PagerDuty', format: 'url' },
      pagerdutyUpdatedAt: { type: 'string', title: 'Changed in PagerDuty', format: 'date-time' },
      autoRunbook: { type: ['string', 'null'], title: 'Runbook started automatically' },
      timeline: {
        type: 'array',
        title: 'Timeline',
        items: { type: 'object', required: ['at', 'type', 'summary'], properties: { at: { type: 'string' }, type: { type: 'string' }, summary: { type: 'string' }, by: { type: 'string' } } },
      },
    },
  },
  relations: {
    component: { target: 'component', title: 'Component', inverse: 'incidents', inverseTitle: 'Incidents' },
    escalationPolicy: { target: 'escalation-policy', title: 'Escalation policy', inverse: 'incidents', inverseTitle: 'Incidents' },
  },
};
