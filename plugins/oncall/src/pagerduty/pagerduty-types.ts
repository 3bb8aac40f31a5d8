// The parts of PagerDuty REST API v2 objects the plugin reads, as PagerDuty documents them.

export interface PdReference {
  id: string;
  type: string;
  summary?: string;
  self?: string;
  html_url?: string;
}

export interface PdService {
  id: string;
  type: 'service';
  name: string;
  summary?: string;
  description?: string | null;
  status?: string;
  html_url: string;
  escalation_policy: PdReference;
  teams?: PdReference[];
}

export interface PdEscalationRule {
  id?: string;
  escalation_delay_in_minutes: number;
  targets: PdReference[];
}

export interface PdEscalationPolicy {
  id: string;
  type: 'escalation_policy';
  name: string;
  summary?: string;
  description?: string | null;
  html_url: string;
  escalation_rules: PdEscalationRule[];
  services: PdReference[];
  teams?: PdReference[];
}

export interface PdSchedule {
  id: string;
  type: 'schedule';
  name: string;
  summary?: string;
  description?: string | null;
  time_zone: string;
  html_url: string;
  escalation_policies?: PdReference[];
  users?: PdReference[];
}

export interface PdOnCall {
  escalation_policy: PdReference;
  escalation_level: number;
  schedule: PdReference | null;
  user: PdReference & { name?: string; email?: string };
  start: string | null;
  end: string | null;
}

export interface PdContactMethod {
  id?: string;
  type: string;
  summary?: string;
  label?: string;
  address: string;
}

export interface PdUser {
  id: string;
  type: 'user';
  name: string;
  email: string;
  html_url: string;
  time_zone?: string;
  contact_methods?: Array<PdContactMethod | PdReference>;
}

export type PdIncidentStatus = 'triggered' | 'acknowledged' | 'resolved';

export interface PdIncident {
  id: string;
  type: 'incident';
  incident_number: number;
  title: string;
  summary?: string;
  status: PdIncidentStatus;
  urgency: 'high' | 'low';
  html_url: string;
  created_at: string;
  updated_at?: string;
  last_status_change_at?: string;
  resolved_at?: string | null;
  service: PdReference;
  escalation_policy?: PdReference;
  assignments: Array<{ at: string; assignee: PdReference }>;
  acknowledgements?: Array<{ at: string; acknowledger: PdReference }>;
  incident_key?: string | null;
}

export interface PdLogEntry {
  id: string;
  type: string;
  summary: string;
  created_at: string;
  agent?: PdReference | null;
  channel?: { type?: string; summary?: string } | null;
}

export interface PdNote {
  id: string;
  content: string;
  created_at: string;
  user?: PdReference;
}

export interface PdOverride {
  id?: string;
  start: string;
  end: string;
  user: PdReference;
}

/** An Events API v2 event (`POST /v2/enqueue`). */
export interface PdEvent {
  routing_key: string;
  event_action: 'trigger' | 'acknowledge' | 'resolve';
  dedup_key?: string;
  payload?: {
    summary: string;
    source: string;
    severity: 'critical' | 'error' | 'warning' | 'info';
    component?: string;
    group?: string;
    class?: string;
    custom_details?: Record<string, unknown>;
  };
  links?: Array<{ href: string; text?: string }>;
  client?: string;
  client_url?: string;
}
