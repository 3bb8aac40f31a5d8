import type { CreateIncident, PagerDutyApi } from '../pagerduty/pagerduty-api';
import { PagerDutyApiError } from '../pagerduty/pagerduty-api-error';
import type { PdEscalationPolicy, PdIncident, PdLogEntry, PdOnCall, PdOverride, PdReference, PdSchedule, PdService, PdUser } from '../pagerduty/pagerduty-types';

const HOUR = 60 * 60 * 1000;
const WEB = 'https://example-org.pagerduty.com';

function ref(type: string, id: string, summary: string, path: string): PdReference {
  return { id, type, summary, html_url: `${WEB}/${path}/${id}` };
}

/** The example organisation's PagerDuty, as the demo portal sees it. Services map to the sample Components by config. */
export const SIMULATED_SERVICES = [
  { serviceId: 'PCART01', component: 'cart-service' },
  { serviceId: 'PPROD01', component: 'products-service' },
];

/**
 * A PagerDuty that lives in memory, for demos (`oncall.simulated: true`): the example
 * organisation's policies, weekly rotations with people from the sample catalog, and one open
 * incident on cart-service. Writes change only this memory. Never for real use.
 */
export class SimulatedPagerDuty implements PagerDutyApi {
  private readonly users: PdUser[];
  private readonly services: PdService[];
  private readonly policies: PdEscalationPolicy[];
  private readonly schedules: PdSchedule[];
  private readonly oncalls: PdOnCall[] = [];
  private readonly incidents: PdIncident[] = [];
  private readonly log = new Map<string, PdLogEntry[]>();
  private nextNumber = 41;

  constructor(now = Date.now()) {
    const user = (id: string, name: string, email: string, phone: string): PdUser => ({ id, type: 'user', name, email, html_url: `${WEB}/users/${id}`, contact_methods: [{ type: 'phone_contact_method', label: 'Mobile', address: phone }] });
    this.users = [user('PALICE1', 'Alice Martin', 'alice@example.com', '+1 555 0101'), user('PBOB001', 'Bob Chen', 'bob@example.com', '+1 555 0102'), user('PCAROL1', 'Carol Diaz', 'carol@example.com', '+1 555 0103'), user('PDAVE01', 'Dave Okafor', 'dave@example.com', '+1 555 0104')];
    this.schedules = [
      { id: 'PSCHK01', type: 'schedule', name: 'Checkout primary', time_zone: 'Europe/Paris', html_url: `${WEB}/schedules/PSCHK01` },
      { id: 'PSCAT01', type: 'schedule', name: 'Catalog primary', time_zone: 'America/New_York', html_url: `${WEB}/schedules/PSCAT01` },
    ];
    this.policies = [
      { id: 'PEPCHK1', type: 'escalation_policy', name: 'Checkout on-call', html_url: `${WEB}/escalation_policies/PEPCHK1`, escalation_rules: [{ escalation_delay_in_minutes: 15, targets: [ref('schedule_reference', 'PSCHK01', 'Checkout primary', 'schedules')] }, { escalation_delay_in_minutes: 30, targets: [ref('user_reference', 'PDAVE01', 'Dave Okafor', 'users')] }], services: [] },
      { id: 'PEPCAT1', type: 'escalation_policy', name: 'Catalog on-call', html_url: `${WEB}/escalation_policies/PEPCAT1`, escalation_rules: [{ escalation_delay_in_minutes: 30, targets: [ref('schedule_reference', 'PSCAT01', 'Catalog primary', 'schedules')] }], services: [] },
    ];
    this.services = [
      { id: 'PCART01', type: 'service', name: 'Cart service', html_url: `${WEB}/service-directory/PCART01`, escalation_policy: ref('escalation_policy_reference', 'PEPCHK1', 'Checkout on-call', 'escalation_policies') },
      { id: 'PPROD01', type: 'service', name: 'Products service', html_url: `${WEB}/service-directory/PPROD01`, escalation_policy: ref('escalation_policy_reference', 'PEPCAT1', 'Catalog on-call', 'escalation_policies') },
    ];
    this.policies[0].services.push(ref('service_reference', 'PCART01', 'Cart service', 'service-directory'));
    this.policies[1].services.push(ref('service_reference', 'PPROD01', 'Products service', 'service-directory'));
    // Weekly rotations starting at the last midnight: alice then bob on checkout, carol then dave on catalog.
    const start = new Date(now);
    start.setUTCHours(0, 0, 0, 0);
    const week = 7 * 24 * HOUR;
    const rotation = (policy: PdEscalationPolicy, schedule: PdSchedule, people: string[]): void => {
      people.forEach((id, i) => this.addOnCall(policy, 1, schedule, id, start.getTime() + (i - 1) * week + week / 2, start.getTime() + i * week + week / 2));
    };
    rotation(this.policies[0], this.schedules[0], ['PALICE1', 'PBOB001', 'PALICE1']);
    rotation(this.policies[1], this.schedules[1], ['PCAROL1', 'PDAVE01', 'PCAROL1']);
    this.addOnCall(this.policies[0], 2, null, 'PDAVE01', null, null);
    const incident = this.create({ title: 'Checkout latency above 2 s at p99', serviceId: 'PCART01', urgency: 'high' }, now - 25 * 60 * 1000);
    this.entry(incident, 'notify_log_entry', 'Notified Alice Martin by push and SMS', now - 24 * 60 * 1000);
  }

  private addOnCall(policy: PdEscalationPolicy, level: number, schedule: PdSchedule | null, userId: string, start: number | null, end: number | null): void {
    const user = this.users.find((u) => u.id === userId)!;
    this.oncalls.push({
      escalation_policy: ref('escalation_policy_reference', policy.id, policy.name, 'escalation_policies'),
      escalation_level: level,
      schedule: schedule ? ref('schedule_reference', schedule.id, schedule.name, 'schedules') : null,
      user: { ...ref('user_reference', user.id, user.name, 'users'), name: user.name, email: user.email, ...({ contact_methods: user.contact_methods } as object) },
      start: start === null ? null : new Date(start).toISOString(),
      end: end === null ? null : new Date(end).toISOString(),
    });
  }

  private entry(incident: PdIncident, type: string, summary: string, at = Date.now()): void {
    const entries = this.log.get(incident.id) ?? [];
    entries.push({ id: `SLE${incident.id}${entries.length}`, type, summary, created_at: new Date(at).toISOString(), agent: null });
    this.log.set(incident.id, entries);
  }

  private create(input: CreateIncident, at = Date.now()): PdIncident {
    const service = this.services.find((s) => s.id === input.serviceId);
    if (!service) throw new PagerDutyApiError({ status: 400, request: 'POST /incidents', message: `PagerDuty refused POST /incidents as invalid (400). PagerDuty said: Service ${input.serviceId} not found.` });
    const onCall = this.oncalls.find((o) => o.escalation_policy.id === service.escalation_policy.id && o.escalation_level === 1 && (!o.start || Date.parse(o.start) <= at) && (!o.end || Date.parse(o.end) > at));
    const number = this.nextNumber++;
    const id = `PSIM${String(number).padStart(3, '0')}`;
    const created = new Date(at).toISOString();
    const incident: PdIncident = {
      id,
      type: 'incident',
      incident_number: number,
      title: input.title,
      status: 'triggered',
      urgency: input.urgency,
      html_url: `${WEB}/incidents/${id}`,
      created_at: created,
      updated_at: created,
      last_status_change_at: created,
      service: ref('service_reference', service.id, service.name, 'service-directory'),
      escalation_policy: service.escalation_policy,
      assignments: onCall ? [{ at: created, assignee: onCall.user }] : [],
      acknowledgements: [],
      incident_key: input.incidentKey ?? null,
    };
    this.incidents.push(incident);
    this.entry(incident, 'trigger_log_entry', 'Triggered', at);
    return incident;
  }

  private incident(id: string): PdIncident {
    const incident = this.incidents.find((i) => i.id === id);
    if (!incident) throw new PagerDutyApiError({ status: 404, request: `GET /incidents/${id}`, message: `PagerDuty found nothing at GET /incidents/${id} (404).` });
    return incident;
  }

  async listServices(): Promise<PdService[]> {
    return this.services;
  }
  async listEscalationPolicies(): Promise<PdEscalationPolicy[]> {
    return this.policies;
  }
  async listSchedules(): Promise<PdSchedule[]> {
    return this.schedules;
  }
  async listOnCalls(window: { since: string; until: string }): Promise<PdOnCall[]> {
    const since = Date.parse(window.since);
    const until = Date.parse(window.until);
    return this.oncalls.filter((o) => (!o.start || Date.parse(o.start) < until) && (!o.end || Date.parse(o.end) > since));
  }
  async getUser(id: string): Promise<PdUser> {
    const user = this.users.find((u) => u.id === id);
    if (!user) throw new PagerDutyApiError({ status: 404, request: `GET /users/${id}`, message: `PagerDuty found nothing at GET /users/${id} (404).` });
    return user;
  }
  async findUserByEmail(email: string): Promise<PdUser | null> {
    return this.users.find((u) => u.email.toLowerCase() === email.toLowerCase()) ?? null;
  }
  async listIncidents(filter: { statuses?: string[]; since?: string }): Promise<PdIncident[]> {
    return this.incidents.filter((i) => (!filter.statuses || filter.statuses.includes(i.status)) && (!filter.since || Date.parse(i.created_at) >= Date.parse(filter.since)));
  }
  async getIncident(id: string): Promise<PdIncident> {
    return this.incident(id);
  }
  async createIncident(input: CreateIncident): Promise<PdIncident> {
    return this.create(input);
  }
  async updateIncident(id: string, update: { status?: 'acknowledged' | 'resolved'; escalationLevel?: number; assigneeIds?: string[] }, from: string): Promise<PdIncident> {
    const incident = this.incident(id);
    const now = new Date().toISOString();
    incident.updated_at = now;
    if (update.status && update.status !== incident.status) {
      incident.status = update.status;
      incident.last_status_change_at = now;
      if (update.status === 'acknowledged') incident.acknowledgements = [{ at: now, acknowledger: { id: 'PSIM', type: 'user_reference', summary: from } }];
      if (update.status === 'resolved') incident.resolved_at = now;
      this.entry(incident, `${update.status === 'acknowledged' ? 'acknowledge' : 'resolve'}_log_entry`, `${update.status === 'acknowledged' ? 'Acknowledged' : 'Resolved'} by ${from}`);
    }
    if (update.assigneeIds) {
      incident.assignments = update.assigneeIds.map((uid) => ({ at: now, assignee: ref('user_reference', uid, this.users.find((u) => u.id === uid)?.name ?? uid, 'users') }));
      this.entry(incident, 'assign_log_entry', `Reassigned by ${from}`);
    }
    if (update.escalationLevel !== undefined) {
      const onCall = this.oncalls.find((o) => o.escalation_policy.id === incident.escalation_policy?.id && o.escalation_level === update.escalationLevel);
      if (!onCall) throw new PagerDutyApiError({ status: 400, request: `PUT /incidents/${id}`, message: `PagerDuty refused PUT /incidents/${id} as invalid (400). PagerDuty said: Escalation level ${update.escalationLevel} does not exist.` });
      incident.assignments = [{ at: now, assignee: onCall.user }];
      this.entry(incident, 'escalate_log_entry', `Escalated to level ${update.escalationLevel} by ${from}`);
    }
    return incident;
  }
  async addNote(id: string, content: string, from: string) {
    const incident = this.incident(id);
    this.entry(incident, 'annotate_log_entry', `Note by ${from}: ${content}`);
    return { id: `SN${Date.now()}`, content, created_at: new Date().toISOString() };
  }
  async listLogEntries(id: string): Promise<PdLogEntry[]> {
    return [...(this.log.get(this.incident(id).id) ?? [])].reverse();
  }
  async createOverride(scheduleId: string, override: { start: string; end: string; userId: string }): Promise<PdOverride> {
    const schedule = this.schedules.find((s) => s.id === scheduleId);
    if (!schedule) throw new PagerDutyApiError({ status: 404, request: `POST /schedules/${scheduleId}/overrides`, message: `PagerDuty found nothing at POST /schedules/${scheduleId}/overrides (404).` });
    const policy = this.policies.find((p) => p.escalation_rules.some((r) => r.targets.some((t) => t.id === scheduleId)))!;
    this.oncalls.unshift({ ...this.oncalls.find((o) => o.schedule?.id === scheduleId)!, start: override.start, end: override.end, user: { ...ref('user_reference', override.userId, this.users.find((u) => u.id === override.userId)?.name ?? override.userId, 'users') }, escalation_policy: ref('escalation_policy_reference', policy.id, policy.name, 'escalation_policies') });
    return { id: `SPO${Date.now()}`, start: override.start, end: override.end, user: ref('user_reference', override.userId, override.userId, 'users') };
  }
  async sendEvent(event: { dedup_key?: string }): Promise<{ dedupKey: string }> {
    return { dedupKey: event.dedup_key ?? `sim-${Date.now()}` };
  }
}
