import type { PdEscalationPolicy, PdEvent, PdIncident, PdIncidentStatus, PdLogEntry, PdNote, PdOnCall, PdOverride, PdSchedule, PdService, PdUser } from './pagerduty-types';

/** @public */
export interface CreateIncident {
  title: string;
  serviceId: string;
  urgency: 'high' | 'low';
  details?: string;
  /** Deduplicates retries: PagerDuty refuses a second open incident with the same key on a service. */
  incidentKey?: string;
}

/**
 * What the plugin asks of PagerDuty. `PagerDutyClient` speaks the real REST and Events APIs;
 * the demo's `SimulatedPagerDuty` answers from memory. Writes take `from`: the email of the
 * PagerDuty user they are made as (the `From` header).
 * @public
 */
export interface PagerDutyApi {
  listServices(): Promise<PdService[]>;
  listEscalationPolicies(): Promise<PdEscalationPolicy[]>;
  listSchedules(): Promise<PdSchedule[]>;
  /** Who is on call between `since` and `until` (ISO times), every level of every policy. */
  listOnCalls(window: { since: string; until: string; escalationPolicyIds?: string[] }): Promise<PdOnCall[]>;
  getUser(id: string): Promise<PdUser>;
  findUserByEmail(email: string): Promise<PdUser | null>;
  listIncidents(filter: { statuses?: PdIncidentStatus[]; since?: string; until?: string; serviceIds?: string[] }): Promise<PdIncident[]>;
  getIncident(id: string): Promise<PdIncident>;
  createIncident(incident: CreateIncident, from: string): Promise<PdIncident>;
  updateIncident(id: string, update: { status?: 'acknowledged' | 'resolved'; resolution?: string; escalationLevel?: number; assigneeIds?: string[] }, from: string): Promise<PdIncident>;
  addNote(id: string, content: string, from: string): Promise<PdNote>;
  listLogEntries(id: string): Promise<PdLogEntry[]>;
  createOverride(scheduleId: string, override: { start: string; end: string; userId: string }, from: string): Promise<PdOverride>;
  /** Events API v2: returns the dedup key PagerDuty assigned. */
  sendEvent(event: PdEvent): Promise<{ dedupKey: string }>;
}
