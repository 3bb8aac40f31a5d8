import { hmacSha256Hex, offsetPage, startUpstreamFake, type UpstreamFake, type UpstreamRequest, type UpstreamRoute } from '@portico/test-utils';
import type { PdEscalationPolicy, PdEvent, PdIncident, PdLogEntry, PdOnCall, PdSchedule, PdService, PdUser } from '../pagerduty/pagerduty-types';

// A local PagerDuty for tests: REST API v2 and Events API v2, for exactly the endpoints the
// plugin calls, with PagerDuty's documented headers, offset/limit/`more` pagination, error
// bodies `{"error":{"message","code","errors"}}` and webhook v3 signatures.

export const FAKE_TOKEN = 'pd-test-token';
const PAGE_DEFAULT = 25;
const PAGE_MAX = 100;

const restHeaders = {
  type: 'object',
  required: ['accept', 'authorization'],
  properties: { accept: { const: 'application/vnd.pagerduty+json;version=2' } },
};
const writeHeaders = {
  type: 'object',
  required: ['accept', 'authorization', 'from'],
  properties: { accept: { const: 'application/vnd.pagerduty+json;version=2' }, from: { type: 'string', format: 'email' } },
};
const pageQuery = { type: 'object', properties: { limit: { type: 'string', pattern: '^\\d+$' }, offset: { type: 'string', pattern: '^\\d+$' } } };
const reference = (type: string) => ({ type: 'object', required: ['id', 'type'], properties: { id: { type: 'string', minLength: 1 }, type: { const: type } } });

function errorBody(status: number, message: string, errors: string[]): unknown {
  const code = status === 400 ? 2001 : status === 401 ? 2006 : status === 403 ? 2010 : status === 404 ? 2100 : status === 429 ? 2020 : 2000;
  return { error: { message, code, errors } };
}

function ref(type: string, id: string, summary: string): { id: string; type: string; summary: string; self: string; html_url: string } {
  return { id, type, summary, self: `https://api.pagerduty.com/${type.replace('_reference', '')}s/${id}`, html_url: `https://example.pagerduty.com/${type.replace('_reference', '')}s/${id}` };
}

/** Signs a webhook v3 body as PagerDuty does: `X-PagerDuty-Signature: v1=<hex HMAC-SHA256>`. */
export function pagerDutySignature(secret: string, rawBody: string): Record<string, string> {
  return { 'x-pagerduty-signature': `v1=${hmacSha256Hex(secret, rawBody)}` };
}

/** A webhook v3 delivery for an incident event, in PagerDuty's documented envelope. */
export function incidentWebhook(eventType: string, incident: PdIncident, agent = 'Alice Martin'): unknown {
  return {
    event: {
      id: `EV${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
      event_type: eventType,
      resource_type: 'incident',
      occurred_at: new Date().toISOString(),
      agent: ref('user_reference', 'PAGENT1', agent),
      client: null,
      data: {
        id: incident.id,
        type: 'incident',
        self: `https://api.pagerduty.com/incidents/${incident.id}`,
        html_url: incident.html_url,
        number: incident.incident_number,
        status: incident.status,
        incident_key: incident.incident_key ?? null,
        created_at: incident.created_at,
        title: incident.title,
        service: incident.service,
        assignees: incident.assignments.map((a) => a.assignee),
        escalation_policy: incident.escalation_policy,
        teams: [],
        priority: null,
        urgency: incident.urgency,
        conference_bridge: null,
        resolve_reason: null,
      },
    },
  };
}

export interface PagerDutyFake {
  readonly rest: UpstreamFake;
  readonly events: UpstreamFake;
  services: PdService[];
  policies: PdEscalationPolicy[];
  schedules: PdSchedule[];
  users: PdUser[];
  oncalls: PdOnCall[];
  incidents: PdIncident[];
  logEntries: Map<string, PdLogEntry[]>;
  receivedEvents: PdEvent[];
  addService(id: string, name: string, policyId: string): PdService;
  addUser(id: string, name: string, email: string): PdUser;
  /** A policy whose level 1 is a schedule with `now` on call until `until`, then `next`. */
  addPolicyWithSchedule(policyId: string, scheduleId: string, name: string, now: PdUser, next: PdUser, until: string): void;
  addIncident(serviceId: string, title: string, status?: PdIncident['status']): PdIncident;
  close(): Promise<void>;
}

/** Starts the PagerDuty fake (REST and Events on two ports) with no data. */
export async function startPagerDutyFake(): Promise<PagerDutyFake> {
  const state = {
    services: [] as PdService[],
    policies: [] as PdEscalationPolicy[],
    schedules: [] as PdSchedule[],
    users: [] as PdUser[],
    oncalls: [] as PdOnCall[],
    incidents: [] as PdIncident[],
    logEntries: new Map<string, PdLogEntry[]>(),
    receivedEvents: [] as PdEvent[],
  };
  let nextIncident = 1;
  const log = (incident: PdIncident, type: string, summary: string): void => {
    const entries = state.logEntries.get(incident.id) ?? [];
    entries.push({ id: `LE${incident.id}${entries.length}`, type, summary, created_at: new Date().toISOString(), agent: null });
    state.logEntries.set(incident.id, entries);
  };
  const list = (field: string, items: unknown[], query: Record<string, unknown>) => {
    const page = offsetPage(items, query, { defaultLimit: PAGE_DEFAULT, maxLimit: PAGE_MAX });
    return { status: 200, body: { [field]: page.items, offset: page.offset, limit: page.limit, more: page.more, total: null } };
  };
  const notFound = (what: string) => ({ status: 404, body: errorBody(404, 'Not Found', [`${what} not found`]) });
  const asArray = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);
  const incidentOr404 = (request: UpstreamRequest) => state.incidents.find((i) => i.id === request.params.id);
  const userFrom = (request: UpstreamRequest): PdUser | undefined => state.users.find((u) => u.email === request.headers.from);

  const createIncident = (service: PdService, title: string, urgency: 'high' | 'low', key: string | null): PdIncident => {
    const policy = state.policies.find((p) => p.id === service.escalation_policy.id);
    const firstOnCall = state.oncalls.find((o) => o.escalation_policy.id === policy?.id && o.escalation_level === 1);
    const number = nextIncident++;
    const id = `Q${String(number).padStart(6, '0')}`;
    const now = new Date().toISOString();
    const incident: PdIncident = {
      id,
      type: 'incident',
      incident_number: number,
      title,
      summary: `[#${number}] ${title}`,
      status: 'triggered',
      urgency,
      html_url: `https://example.pagerduty.com/incidents/${id}`,
      created_at: now,
      updated_at: now,
      last_status_change_at: now,
      service: ref('service_reference', service.id, service.name),
      ...(policy ? { escalation_policy: ref('escalation_policy_reference', policy.id, policy.name) } : {}),
      assignments: firstOnCall ? [{ at: now, assignee: firstOnCall.user }] : [],
      acknowledgements: [],
      incident_key: key,
    };
    state.incidents.push(incident);
    log(incident, 'trigger_log_entry', 'Triggered through the API');
    return incident;
  };

  const routes: UpstreamRoute[] = [
    { route: 'GET /services', request: { headers: restHeaders, query: pageQuery }, handle: (r) => list('services', state.services, r.query) },
    { route: 'GET /escalation_policies', request: { headers: restHeaders, query: pageQuery }, handle: (r) => list('escalation_policies', state.policies, r.query) },
    { route: 'GET /schedules', request: { headers: restHeaders, query: pageQuery }, handle: (r) => list('schedules', state.schedules, r.query) },
    {
      route: 'GET /oncalls',
      request: { headers: restHeaders, query: { ...pageQuery, required: ['since', 'until'], properties: { ...pageQuery.properties, since: { type: 'string', format: 'date-time' }, until: { type: 'string', format: 'date-time' } } } },
      handle: (r) => {
        const since = Date.parse(String(r.query.since));
        const until = Date.parse(String(r.query.until));
        const policyIds = asArray(r.query.escalation_policy_ids);
        const matching = state.oncalls.filter((o) => (!o.start || Date.parse(o.start) < until) && (!o.end || Date.parse(o.end) > since) && (policyIds.length === 0 || policyIds.includes(o.escalation_policy.id)));
        return list('oncalls', matching, r.query);
      },
    },
    {
      route: 'GET /users',
      request: { headers: restHeaders, query: pageQuery },
      handle: (r) => list('users', state.users.filter((u) => !r.query.query || u.email.startsWith(String(r.query.query)) || u.name.startsWith(String(r.query.query))), r.query),
    },
    {
      route: 'GET /users/:id',
      request: { headers: restHeaders },
      handle: (r) => {
        const user = state.users.find((u) => u.id === r.params.id);
        return user ? { status: 200, body: { user } } : notFound('User');
      },
    },
    {
      route: 'GET /incidents',
      request: { headers: restHeaders, query: { ...pageQuery, properties: { ...pageQuery.properties, statuses: { type: 'array', items: { enum: ['triggered', 'acknowledged', 'resolved'] } } } } },
      handle: (r) => {
        const statuses = asArray(r.query.statuses);
        const services = asArray(r.query.service_ids);
        const since = r.query.since ? Date.parse(String(r.query.since)) : 0;
        return list('incidents', state.incidents.filter((i) => (statuses.length === 0 || statuses.includes(i.status)) && (services.length === 0 || services.includes(i.service.id)) && Date.parse(i.created_at) >= since), r.query);
      },
    },
    {
      route: 'GET /incidents/:id',
      request: { headers: restHeaders },
      handle: (r) => {
        const incident = incidentOr404(r);
        return incident ? { status: 200, body: { incident } } : notFound('Incident');
      },
    },
    {
      route: 'POST /incidents',
      request: {
        headers: writeHeaders,
        body: {
          type: 'object',
          required: ['incident'],
          properties: {
            incident: {
              type: 'object',
              required: ['type', 'title', 'service'],
              properties: { type: { const: 'incident' }, title: { type: 'string', minLength: 1 }, service: reference('service_reference'), urgency: { enum: ['high', 'low'] }, body: { type: 'object', required: ['type'], properties: { type: { const: 'incident_body' } } } },
            },
          },
        },
      },
      handle: (r) => {
        const input = (r.body as { incident: { title: string; service: { id: string }; urgency?: 'high' | 'low'; incident_key?: string } }).incident;
        const service = state.services.find((s) => s.id === input.service.id);
        if (!service) return { status: 400, body: errorBody(400, 'Invalid Input Provided', ['Service not found.']) };
        if (input.incident_key && state.incidents.some((i) => i.incident_key === input.incident_key && i.service.id === service.id && i.status !== 'resolved')) {
          return { status: 400, body: errorBody(400, 'Invalid Input Provided', ['Open incident with matching dedup key already exists on this service']) };
        }
        return { status: 201, body: { incident: createIncident(service, input.title, input.urgency ?? 'high', input.incident_key ?? null) } };
      },
    },
    {
      route: 'PUT /incidents/:id',
      request: {
        headers: writeHeaders,
        body: {
          type: 'object',
          required: ['incident'],
          properties: {
            incident: {
              type: 'object',
              required: ['type'],
              properties: {
                type: { enum: ['incident', 'incident_reference'] },
                status: { enum: ['triggered', 'acknowledged', 'resolved'] },
                escalation_level: { type: 'integer', minimum: 1 },
                assignments: { type: 'array', items: { type: 'object', required: ['assignee'], properties: { assignee: reference('user_reference') } } },
              },
            },
          },
        },
      },
      handle: (r) => {
        const incident = incidentOr404(r);
        if (!incident) return notFound('Incident');
        const update = (r.body as { incident: { status?: PdIncident['status']; escalation_level?: number; assignments?: Array<{ assignee: { id: string } }> } }).incident;
        const now = new Date().toISOString();
        const by = userFrom(r);
        if (update.status && update.status !== incident.status) {
          incident.status = update.status;
          incident.last_status_change_at = now;
          if (update.status === 'acknowledged') incident.acknowledgements = [{ at: now, acknowledger: ref('user_reference', by?.id ?? 'PUNKNOWN', by?.name ?? 'someone') }];
          if (update.status === 'resolved') incident.resolved_at = now;
          log(incident, `${update.status === 'acknowledged' ? 'acknowledge' : update.status === 'resolved' ? 'resolve' : 'trigger'}_log_entry`, `${update.status} by ${by?.name ?? 'someone'}`);
        }
        if (update.assignments) {
          const assignees = update.assignments.map((a) => state.users.find((u) => u.id === a.assignee.id));
          if (assignees.some((u) => !u)) return { status: 400, body: errorBody(400, 'Invalid Input Provided', ['Assignee not found.']) };
          incident.assignments = assignees.map((u) => ({ at: now, assignee: ref('user_reference', u!.id, u!.name) }));
          log(incident, 'assign_log_entry', `Reassigned to ${assignees.map((u) => u!.name).join(', ')}`);
        }
        if (update.escalation_level !== undefined) {
          const onCall = state.oncalls.find((o) => o.escalation_policy.id === incident.escalation_policy?.id && o.escalation_level === update.escalation_level);
          if (!onCall) return { status: 400, body: errorBody(400, 'Invalid Input Provided', [`Escalation level ${update.escalation_level} does not exist on the policy.`]) };
          incident.assignments = [{ at: now, assignee: onCall.user }];
          log(incident, 'escalate_log_entry', `Escalated to level ${update.escalation_level}`);
        }
        incident.updated_at = now;
        return { status: 200, body: { incident } };
      },
    },
    {
      route: 'POST /incidents/:id/notes',
      request: { headers: writeHeaders, body: { type: 'object', required: ['note'], properties: { note: { type: 'object', required: ['content'], properties: { content: { type: 'string', minLength: 1 } } } } } },
      handle: (r) => {
        const incident = incidentOr404(r);
        if (!incident) return notFound('Incident');
        const content = (r.body as { note: { content: string } }).note.content;
        log(incident, 'annotate_log_entry', `Note added: ${content}`);
        return { status: 200, body: { note: { id: `N${Date.now()}`, content, created_at: new Date().toISOString(), user: ref('user_reference', userFrom(r)?.id ?? 'PUNKNOWN', userFrom(r)?.name ?? 'someone') } } };
      },
    },
    {
      route: 'GET /incidents/:id/log_entries',
      request: { headers: restHeaders, query: pageQuery },
      handle: (r) => (incidentOr404(r) ? list('log_entries', [...(state.logEntries.get(r.params.id) ?? [])].reverse(), r.query) : notFound('Incident')),
    },
    {
      route: 'POST /schedules/:id/overrides',
      request: {
        headers: writeHeaders,
        body: {
          type: 'object',
          required: ['overrides'],
          properties: { overrides: { type: 'array', minItems: 1, items: { type: 'object', required: ['start', 'end', 'user'], properties: { start: { type: 'string', format: 'date-time' }, end: { type: 'string', format: 'date-time' }, user: reference('user_reference') } } } },
        },
      },
      handle: (r) => {
        const schedule = state.schedules.find((s) => s.id === r.params.id);
        if (!schedule) return notFound('Schedule');
        const results = (r.body as { overrides: Array<{ start: string; end: string; user: { id: string } }> }).overrides.map((o, index) => {
          const user = state.users.find((u) => u.id === o.user.id);
          if (!user) return { status: 400, errors: ['User not found'] };
          if (Date.parse(o.end) <= Date.parse(o.start)) return { status: 400, errors: ['End must be after start'] };
          const policy = state.policies.find((p) => p.escalation_rules.some((rule) => rule.targets.some((t) => t.id === schedule.id)));
          if (policy) {
            state.oncalls.unshift({ escalation_policy: ref('escalation_policy_reference', policy.id, policy.name), escalation_level: 1, schedule: ref('schedule_reference', schedule.id, schedule.name), user: { ...ref('user_reference', user.id, user.name), name: user.name, email: user.email }, start: o.start, end: o.end });
          }
          return { status: 201, override: { id: `PO${index}${Date.now()}`, start: o.start, end: o.end, user: ref('user_reference', user.id, user.name) } };
        });
        return { status: 201, body: results };
      },
    },
  ];

  const rest = await startUpstreamFake({
    name: 'PagerDuty',
    routes,
    errorBody,
    authenticate: (r) => (r.headers.authorization === `Token token=${FAKE_TOKEN}` ? undefined : { status: 401, body: errorBody(401, 'Unauthorized', []) }),
  });
  const events = await startUpstreamFake({
    name: 'PagerDuty Events',
    errorBody: (_status, message, errors) => ({ status: 'invalid event', message, errors }),
    routes: [
      {
        route: 'POST /v2/enqueue',
        request: {
          body: {
            type: 'object',
            required: ['routing_key', 'event_action'],
            properties: {
              routing_key: { type: 'string', minLength: 32, maxLength: 32 },
              event_action: { enum: ['trigger', 'acknowledge', 'resolve'] },
              payload: { type: 'object', required: ['summary', 'source', 'severity'], properties: { summary: { type: 'string', minLength: 1, maxLength: 1024 }, severity: { enum: ['critical', 'error', 'warning', 'info'] } } },
            },
          },
        },
        handle: (r) => {
          const event = r.body as PdEvent;
          state.receivedEvents.push(event);
          return { status: 202, body: { status: 'success', message: 'Event processed', dedup_key: event.dedup_key ?? `dk-${state.receivedEvents.length}` } };
        },
      },
    ],
  });

  return {
    rest,
    events,
    ...state,
    addService(id, name, policyId) {
      const policy = state.policies.find((p) => p.id === policyId);
      const service: PdService = { id, type: 'service', name, summary: name, status: 'active', html_url: `https://example.pagerduty.com/service-directory/${id}`, escalation_policy: ref('escalation_policy_reference', policyId, policy?.name ?? policyId) };
      state.services.push(service);
      policy?.services.push(ref('service_reference', id, name));
      return service;
    },
    addUser(id, name, email) {
      const user: PdUser = { id, type: 'user', name, email, html_url: `https://example.pagerduty.com/users/${id}`, contact_methods: [{ type: 'phone_contact_method', label: 'Mobile', address: '+15550100' }] };
      state.users.push(user);
      return user;
    },
    addPolicyWithSchedule(policyId, scheduleId, name, now, next, until) {
      const schedule: PdSchedule = { id: scheduleId, type: 'schedule', name: `${name} rotation`, time_zone: 'Europe/Paris', html_url: `https://example.pagerduty.com/schedules/${scheduleId}` };
      state.schedules.push(schedule);
      state.policies.push({ id: policyId, type: 'escalation_policy', name, html_url: `https://example.pagerduty.com/escalation_policies/${policyId}`, escalation_rules: [{ escalation_delay_in_minutes: 30, targets: [ref('schedule_reference', scheduleId, schedule.name)] }], services: [] });
      const entry = (user: PdUser, start: string | null, end: string | null): PdOnCall => ({
        escalation_policy: ref('escalation_policy_reference', policyId, name),
        escalation_level: 1,
        schedule: ref('schedule_reference', scheduleId, schedule.name),
        user: { ...ref('user_reference', user.id, user.name), name: user.name, email: user.email },
        start,
        end,
      });
      const far = new Date(Date.parse(until) + 7 * 24 * 3600 * 1000).toISOString();
      state.oncalls.push(entry(now, new Date(Date.now() - 3600 * 1000).toISOString(), until), entry(next, until, far));
    },
    addIncident(serviceId, title, status = 'triggered') {
      const service = state.services.find((s) => s.id === serviceId);
      if (!service) throw new Error(`No service ${serviceId} in the fake`);
      const incident = createIncident(service, title, 'high', null);
      incident.status = status;
      return incident;
    },
    close: async () => {
      await rest.close();
      await events.close();
    },
  } as PagerDutyFake;
}
