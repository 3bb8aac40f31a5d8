import type { EntityInput } from '@portico/plugin-api';
import { entityIdFor } from '../config/oncall-config';
import type { OnCallEntry } from '../kinds/on-call-entry-schema';
import type { TimelineEntry } from '../kinds/incident-kind';
import type { PdEscalationPolicy, PdIncident, PdLogEntry, PdOnCall, PdSchedule, PdService } from '../pagerduty/pagerduty-types';
import { serviceKey } from './service-map';

/** Who is on call now and next, per policy level and per schedule, from one `/oncalls` window. */
export interface OnCallView {
  byPolicy: Map<string, { now: OnCallEntry[]; next: OnCallEntry[] }>;
  bySchedule: Map<string, { now: OnCallEntry | null; next: OnCallEntry | null }>;
}

function entry(o: PdOnCall): OnCallEntry {
  const user = o.user as PdOnCall['user'] & { contact_methods?: Array<{ type?: string; address?: string }> };
  const phone = user.contact_methods?.find((c) => c.type?.startsWith('phone') && c.address)?.address;
  return {
    level: o.escalation_level,
    userId: user.id,
    name: user.name ?? user.summary ?? user.id,
    ...(user.email ? { email: user.email } : {}),
    ...(phone ? { phone } : {}),
    ...(user.html_url ? { url: user.html_url } : {}),
    scheduleId: o.schedule?.id ?? null,
    start: o.start,
    end: o.end,
  };
}

/** Splits on-calls into now (start ≤ now < end) and the earliest one after, per policy level and per schedule. */
export function onCallView(oncalls: PdOnCall[], now: number): OnCallView {
  const isNow = (o: PdOnCall): boolean => (!o.start || Date.parse(o.start) <= now) && (!o.end || Date.parse(o.end) > now);
  const byStart = [...oncalls].sort((a, b) => Date.parse(a.start ?? '1970-01-01') - Date.parse(b.start ?? '1970-01-01'));
  const byPolicy: OnCallView['byPolicy'] = new Map();
  const bySchedule: OnCallView['bySchedule'] = new Map();
  for (const o of byStart) {
    const policy = byPolicy.get(o.escalation_policy.id) ?? { now: [], next: [] };
    byPolicy.set(o.escalation_policy.id, policy);
    if (isNow(o)) {
      if (!policy.now.some((e) => e.level === o.escalation_level && e.userId === o.user.id)) policy.now.push(entry(o));
    } else if (o.start && Date.parse(o.start) > now && !policy.next.some((e) => e.level === o.escalation_level)) {
      policy.next.push(entry(o));
    }
    if (o.schedule) {
      const schedule = bySchedule.get(o.schedule.id) ?? { now: null, next: null };
      bySchedule.set(o.schedule.id, schedule);
      if (isNow(o)) schedule.now ??= entry(o);
      else if (o.start && Date.parse(o.start) > now) schedule.next ??= entry(o);
    }
  }
  for (const policy of byPolicy.values()) {
    policy.now.sort((a, b) => a.level - b.level);
    policy.next.sort((a, b) => a.level - b.level);
  }
  return { byPolicy, bySchedule };
}

/** `services`: PagerDuty's service list, for the names, links and status of the services the policy pages for. */
export function policyEntity(account: string, policy: PdEscalationPolicy, serviceMap: Map<string, string>, view: OnCallView | null, checkedAt: string, services: PdService[] = []): EntityInput {
  const ids = new Set([...policy.services.map((s) => s.id), ...services.filter((s) => s.escalation_policy.id === policy.id).map((s) => s.id)]);
  const details = [...ids].map((id) => {
    const service = services.find((s) => s.id === id);
    const reference = policy.services.find((s) => s.id === id);
    return { id, name: service?.name ?? reference?.summary ?? id, url: service?.html_url ?? reference?.html_url ?? null, status: service?.status ?? null, component: serviceMap.get(serviceKey(account, id)) ?? null };
  });
  const components = [...new Set(details.map((d) => d.component).filter((c): c is string => Boolean(c)))];
  const schedules = [...new Set(policy.escalation_rules.flatMap((r) => r.targets.filter((t) => t.type.startsWith('schedule')).map((t) => entityIdFor(account, t.id))))];
  const onCall = view?.byPolicy.get(policy.id);
  return {
    kind: 'escalation-policy',
    id: entityIdFor(account, policy.id),
    title: policy.name,
    ...(policy.description ? { description: policy.description } : {}),
    properties: {
      pagerdutyId: policy.id,
      account,
      url: policy.html_url,
      serviceIds: [...ids],
      services: details,
      rules: policy.escalation_rules.map((r, i) => ({ level: i + 1, delayMinutes: r.escalation_delay_in_minutes, targets: r.targets.map((t) => ({ type: t.type.replace('_reference', ''), id: t.id, name: t.summary ?? t.id })) })),
      onCall: onCall?.now ?? [],
      nextOnCall: onCall?.next ?? [],
      onCallCheckedAt: checkedAt,
    },
    relations: { components, schedules },
  };
}

export function scheduleEntity(account: string, schedule: PdSchedule, view: OnCallView | null): EntityInput {
  const onCall = view?.bySchedule.get(schedule.id);
  return {
    kind: 'schedule',
    id: entityIdFor(account, schedule.id),
    title: schedule.name,
    ...(schedule.description ? { description: schedule.description } : {}),
    properties: { pagerdutyId: schedule.id, account, url: schedule.html_url, timeZone: schedule.time_zone, onCall: onCall?.now ?? null, nextOnCall: onCall?.next ?? null },
    relations: {},
  };
}

export function timelineOf(entries: PdLogEntry[]): TimelineEntry[] {
  return [...entries]
    .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at))
    .map((e) => ({ at: e.created_at, type: e.type.replace(/_log_entry$/, ''), summary: e.summary, ...(e.agent?.summary ? { by: e.agent.summary } : {}) }));
}

/** When PagerDuty last changed the incident, as far as this copy of it tells. */
export function pagerDutyUpdatedAt(incident: PdIncident): string {
  return incident.updated_at ?? incident.last_status_change_at ?? incident.created_at;
}

/** An incident as an entity. `timeline` and `autoRunbook` are carried over from the stored entity when not given. */
export function incidentEntity(account: string, incident: PdIncident, serviceMap: Map<string, string>, extra: { timeline?: TimelineEntry[]; autoRunbook?: string | null } = {}): EntityInput {
  const component = serviceMap.get(serviceKey(account, incident.service.id)) ?? null;
  const acknowledgedAt = incident.acknowledgements?.[0]?.at ?? (incident.status === 'acknowledged' ? (incident.last_status_change_at ?? null) : null);
  const resolvedAt = incident.resolved_at ?? (incident.status === 'resolved' ? (incident.last_status_change_at ?? null) : null);
  return {
    kind: 'incident',
    id: entityIdFor(account, incident.id),
    title: incident.title,
    properties: {
      pagerdutyId: incident.id,
      account,
      number: incident.incident_number,
      status: incident.status,
      urgency: incident.urgency,
      serviceId: incident.service.id,
      serviceName: incident.service.summary ?? incident.service.id,
      assignees: incident.assignments.map((a) => ({ id: a.assignee.id, name: a.assignee.summary ?? a.assignee.id })),
      createdAt: incident.created_at,
      acknowledgedAt: incident.status === 'triggered' ? null : acknowledgedAt,
      resolvedAt: incident.status === 'resolved' ? resolvedAt : null,
      url: incident.html_url,
      pagerdutyUpdatedAt: pagerDutyUpdatedAt(incident),
      autoRunbook: extra.autoRunbook ?? null,
      timeline: extra.timeline ?? [],
    },
    relations: {
      component,
      escalationPolicy: incident.escalation_policy ? entityIdFor(account, incident.escalation_policy.id) : null,
    },
  };
}
