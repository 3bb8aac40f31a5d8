import { NotFoundError, ServiceUnavailableError, UnauthorizedError, ValidationError, type CatalogService, type HttpRoute, type LoggerService, type SecretsService } from '@portico/plugin-api';
import type { OncallConfig } from '../config/oncall-config';
import { entityIdFor } from '../config/oncall-config';
import type { TimelineEntry } from '../kinds/incident-kind';
import { writeIncident } from '../ingestion/incident-writer';
import type { PdIncident, PdReference } from '../pagerduty/pagerduty-types';
import { verifyPagerDutySignature } from './verify-pagerduty-signature';

interface WebhookEvent {
  event?: {
    id?: string;
    event_type?: string;
    resource_type?: string;
    occurred_at?: string;
    agent?: PdReference | null;
    data?: Record<string, unknown>;
  };
}

const STATUS_EVENTS: Record<string, string> = {
  'incident.triggered': 'Triggered',
  'incident.acknowledged': 'Acknowledged',
  'incident.unacknowledged': 'Unacknowledged',
  'incident.resolved': 'Resolved',
  'incident.reopened': 'Reopened',
  'incident.reassigned': 'Reassigned',
  'incident.escalated': 'Escalated',
  'incident.delegated': 'Delegated',
  'incident.priority_updated': 'Priority changed',
};

/** The incident as PagerDuty describes it in a webhook v3 `data`, merged with what the portal knows. */
function incidentFromEvent(data: Record<string, unknown>, occurredAt: string, stored: Record<string, unknown> | undefined): PdIncident {
  const missing = ['id', 'status', 'title', 'service'].filter((k) => data[k] === undefined);
  if (missing.length > 0 || typeof data.id !== 'string') {
    throw new ValidationError(`The incident event's data lacks ${missing.join(', ')}; PagerDuty webhooks v3 send the incident in event.data.`, missing.map((k) => ({ pointer: `/event/data/${k}`, message: 'is required' })));
  }
  const status = data.status as PdIncident['status'];
  if (!['triggered', 'acknowledged', 'resolved'].includes(status)) throw new ValidationError(`Unknown incident status "${String(status)}".`, [{ pointer: '/event/data/status', message: 'must be triggered, acknowledged or resolved' }]);
  const acknowledgedAt = status === 'acknowledged' && stored?.status !== 'acknowledged' ? occurredAt : (stored?.acknowledgedAt as string | null | undefined);
  return {
    id: data.id,
    type: 'incident',
    incident_number: Number(data.number ?? stored?.number ?? 0),
    title: String(data.title),
    status,
    urgency: (data.urgency as 'high' | 'low') ?? (stored?.urgency as 'high' | 'low') ?? 'high',
    html_url: String(data.html_url ?? stored?.url ?? ''),
    created_at: String(data.created_at ?? stored?.createdAt ?? occurredAt),
    last_status_change_at: occurredAt,
    resolved_at: status === 'resolved' ? occurredAt : null,
    service: data.service as PdReference,
    ...(data.escalation_policy ? { escalation_policy: data.escalation_policy as PdReference } : {}),
    assignments: ((data.assignees as PdReference[] | undefined) ?? []).map((assignee) => ({ at: occurredAt, assignee })),
    acknowledgements: acknowledgedAt ? [{ at: acknowledgedAt, acknowledger: { id: 'unknown', type: 'user_reference' } }] : [],
    incident_key: (data.incident_key as string | null) ?? null,
  };
}

/** What PagerDuty sends (webhooks v3). The X-PagerDuty-Signature, not the schema, decides who may send. */
const EVENT_BODY = {
  type: 'object',
  description: 'A PagerDuty webhook v3 delivery: incident events update the incident, others are ignored',
  properties: {
    event: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        event_type: { type: 'string', examples: ['incident.acknowledged'] },
        resource_type: { type: 'string', examples: ['incident'] },
        occurred_at: { type: 'string' },
        agent: { type: ['object', 'null'] },
        data: { type: 'object', description: 'The incident (or, for incident.annotated, the note)' },
      },
    },
  },
};

/**
 * `POST /api/v1/plugins/oncall/webhooks/<account>`: a PagerDuty webhook v3 subscription keeps
 * incidents current between resyncs. Public (PagerDuty sends no token), so every delivery must
 * carry an `X-PagerDuty-Signature` made with the account's webhook secret; otherwise 401 and
 * nothing changes.
 */
export function webhookRoute(deps: { config: OncallConfig; secrets: SecretsService; catalog: CatalogService; logger: LoggerService }): HttpRoute {
  const { config, secrets, catalog, logger } = deps;
  return {
    method: 'POST',
    path: '/webhooks/:account',
    auth: 'public',
    summary: 'PagerDuty webhook v3 (checked with X-PagerDuty-Signature against the account\u2019s webhook secret)',
    body: EVENT_BODY,
    responses: {
      '200': {
        description: 'The incident was recorded (or the ping answered with {"ok": true})',
        schema: { type: 'object', properties: { kind: { const: 'incident' }, id: { type: 'string' }, status: { type: 'string' }, ok: { const: true } } },
      },
      '202': { description: 'An event the plugin does not handle', schema: { type: 'object', required: ['ignored'], properties: { ignored: { type: 'string' } } } },
      '404': { description: 'No PagerDuty account of that id is configured', contentType: 'application/problem+json' },
      '503': { description: 'The account\'s webhook secret is not set', contentType: 'application/problem+json' },
    },
    async handler(req) {
      const account = config.accounts.find((a) => a.id === req.params.account);
      if (!account) throw new NotFoundError(`No PagerDuty account "${req.params.account}" is configured; webhook URLs end in one of: ${config.accounts.map((a) => a.id).join(', ')}.`);
      const secret = await secrets.get(account.webhookSecret);
      if (!secret) throw new ServiceUnavailableError(`PagerDuty webhooks for account "${account.id}" are not accepted yet: set the secret "${account.webhookSecret}".`);
      if (!verifyPagerDutySignature(secret, req.rawBody, req.headers['x-pagerduty-signature'])) {
        throw new UnauthorizedError('The X-PagerDuty-Signature header is missing or does not match the body signed with the webhook secret.');
      }
      const event = (req.body as WebhookEvent | undefined)?.event;
      if (!event || typeof event.event_type !== 'string') throw new ValidationError('A PagerDuty webhook v3 body is {"event": {"event_type", "resource_type", "data", ...}}.', [{ pointer: '/event', message: 'is required' }]);
      if (event.event_type === 'pagey.ping') return { status: 200, body: { ok: true } };
      if (event.resource_type !== 'incident') return { status: 202, body: { ignored: `event ${event.event_type} is not handled` } };
      const occurredAt = typeof event.occurred_at === 'string' ? event.occurred_at : new Date().toISOString();
      const by = event.agent?.summary;
      const data = event.data ?? {};

      if (event.event_type === 'incident.annotated') {
        const incidentRef = data.incident as PdReference | undefined;
        const stored = incidentRef ? await catalog.get({ kind: 'incident', id: entityIdFor(account.id, incidentRef.id) }) : null;
        if (!stored) return { status: 202, body: { ignored: 'note on an incident the portal does not know yet; the next resync brings it' } };
        const entry: TimelineEntry = { at: occurredAt, type: 'annotate', summary: `Note: ${String(data.content ?? '')}`, ...(by ? { by } : {}) };
        const timeline = [...((stored.properties.timeline as TimelineEntry[]) ?? []), entry];
        await catalog.patch({ kind: 'incident', id: stored.id }, { properties: { ...stored.properties, timeline } });
        return { status: 200, body: { kind: 'incident', id: stored.id } };
      }
      const label = STATUS_EVENTS[event.event_type];
      if (!label) return { status: 202, body: { ignored: `event ${event.event_type} is not handled` } };
      const stored = await catalog.get({ kind: 'incident', id: entityIdFor(account.id, String(data.id ?? '')) });
      const incident = incidentFromEvent(data, occurredAt, stored?.properties);
      const entry: TimelineEntry = { at: occurredAt, type: event.event_type.replace('incident.', ''), summary: `${label}${by ? ` by ${by}` : ''}`, ...(by ? { by } : {}) };
      const written = await writeIncident(catalog, config, account.id, incident, [entry]);
      logger.info('PagerDuty incident event recorded', { account: account.id, incident: incident.id, event: event.event_type });
      return { status: 200, body: { kind: written.kind, id: written.id, status: written.properties.status } };
    },
  };
}
