import { api } from '@pagerduty/pdjs';
import type { CreateIncident, PagerDutyApi } from './pagerduty-api';
import { toPagerDutyApiError } from './pagerduty-api-error';
import type { PdEscalationPolicy, PdEvent, PdIncident, PdLogEntry, PdNote, PdOnCall, PdOverride, PdSchedule, PdService, PdUser } from './pagerduty-types';

/** @public */
export interface PagerDutyClientOptions {
  /** REST API v2 base URL, `https://api.pagerduty.com` for PagerDuty's cloud. */
  baseUrl: string;
  /** Events API v2 base URL, `https://events.pagerduty.com`. */
  eventsUrl: string;
  /** A REST API key. */
  token: string;
  /** Wait between retries of a request answered 429, in ms (the SDK retries three times). */
  rateLimitRetryMs?: number;
  /** Page size of list requests (PagerDuty allows up to 100). */
  pageSize?: number;
  /** Safety net on paginated lists: stop after this many pages. */
  maxPages?: number;
}

type Query = Record<string, string | string[] | undefined>;

interface Answer<T> {
  status: number;
  body: T;
}

/**
 * The PagerDuty REST API v2 and Events API v2 calls the plugin makes, through PagerDuty's
 * official JavaScript SDK (`@pagerduty/pdjs`): it sends `Authorization: Token token=…` and
 * the versioned `Accept` header and retries 429s. This class adds the `From` header on
 * writes, offset/limit/`more` pagination, and turns error bodies into `PagerDutyApiError`s.
 * @public
 */
export class PagerDutyClient implements PagerDutyApi {
  private readonly baseUrl: string;
  private readonly eventsUrl: string;

  constructor(private readonly options: PagerDutyClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.eventsUrl = options.eventsUrl.replace(/\/+$/, '');
  }

  listServices(): Promise<PdService[]> {
    return this.list<PdService>('/services', 'services', { 'include[]': ['escalation_policies'] });
  }

  listEscalationPolicies(): Promise<PdEscalationPolicy[]> {
    return this.list<PdEscalationPolicy>('/escalation_policies', 'escalation_policies', {});
  }

  listSchedules(): Promise<PdSchedule[]> {
    return this.list<PdSchedule>('/schedules', 'schedules', {});
  }

  listOnCalls(window: { since: string; until: string; escalationPolicyIds?: string[] }): Promise<PdOnCall[]> {
    return this.list<PdOnCall>('/oncalls', 'oncalls', {
      since: window.since,
      until: window.until,
      'include[]': ['users'],
      ...(window.escalationPolicyIds?.length ? { 'escalation_policy_ids[]': window.escalationPolicyIds } : {}),
    });
  }

  async getUser(id: string): Promise<PdUser> {
    return (await this.request<{ user: PdUser }>('GET', `/users/${encodeURIComponent(id)}`, { query: { 'include[]': ['contact_methods'] } })).body.user;
  }

  async findUserByEmail(email: string): Promise<PdUser | null> {
    // `query` matches names and emails by prefix; only an exact email match counts.
    const users = await this.list<PdUser>('/users', 'users', { query: email });
    return users.find((u) => u.email.toLowerCase() === email.toLowerCase()) ?? null;
  }

  listIncidents(filter: { statuses?: string[]; since?: string; until?: string; serviceIds?: string[] }): Promise<PdIncident[]> {
    return this.list<PdIncident>('/incidents', 'incidents', {
      'statuses[]': filter.statuses,
      'service_ids[]': filter.serviceIds,
      since: filter.since,
      until: filter.until,
    });
  }

  async getIncident(id: string): Promise<PdIncident> {
    return (await this.request<{ incident: PdIncident }>('GET', `/incidents/${encodeURIComponent(id)}`)).body.incident;
  }

  async createIncident(incident: CreateIncident, from: string): Promise<PdIncident> {
    const body = {
      incident: {
        type: 'incident',
        title: incident.title,
        service: { id: incident.serviceId, type: 'service_reference' },
        urgency: incident.urgency,
        ...(incident.incidentKey ? { incident_key: incident.incidentKey } : {}),
        ...(incident.details ? { body: { type: 'incident_body', details: incident.details } } : {}),
      },
    };
    return (await this.request<{ incident: PdIncident }>('POST', '/incidents', { body, from })).body.incident;
  }

  async updateIncident(id: string, update: { status?: 'acknowledged' | 'resolved'; resolution?: string; escalationLevel?: number; assigneeIds?: string[] }, from: string): Promise<PdIncident> {
    const body = {
      incident: {
        type: 'incident_reference',
        ...(update.status ? { status: update.status } : {}),
        ...(update.resolution ? { resolution: update.resolution } : {}),
        ...(update.escalationLevel !== undefined ? { escalation_level: update.escalationLevel } : {}),
        ...(update.assigneeIds ? { assignments: update.assigneeIds.map((userId) => ({ assignee: { id: userId, type: 'user_reference' } })) } : {}),
      },
    };
    return (await this.request<{ incident: PdIncident }>('PUT', `/incidents/${encodeURIComponent(id)}`, { body, from })).body.incident;
  }

  async addNote(id: string, content: string, from: string): Promise<PdNote> {
    return (await this.request<{ note: PdNote }>('POST', `/incidents/${encodeURIComponent(id)}/notes`, { body: { note: { content } }, from })).body.note;
  }

  listLogEntries(id: string): Promise<PdLogEntry[]> {
    return this.list<PdLogEntry>(`/incidents/${encodeURIComponent(id)}/log_entries`, 'log_entries', { is_overview: 'true' });
  }

  async createOverride(scheduleId: string, override: { start: string; end: string; userId: string }, from: string): Promise<PdOverride> {
    const body = { overrides: [{ start: override.start, end: override.end, user: { id: override.userId, type: 'user_reference' } }] };
    const request = `POST /schedules/${scheduleId}/overrides`;
    const answer = await this.request<Array<{ status: number; errors?: string[]; override?: PdOverride }>>('POST', `/schedules/${encodeURIComponent(scheduleId)}/overrides`, { body, from });
    // Each override has its own status: the request can succeed while the one override failed.
    const [result] = Array.isArray(answer.body) ? answer.body : [];
    if (!result?.override || result.status >= 300) throw toPagerDutyApiError(request, result?.status ?? 400, { error: { message: 'The override was not created', errors: result?.errors ?? [] } }, null);
    return result.override;
  }

  /** Events API v2 is not part of the SDK's configurable base URL, so it goes through fetch, with the same retry on 429. */
  async sendEvent(event: PdEvent): Promise<{ dedupKey: string }> {
    const request = 'POST /v2/enqueue';
    const retryMs = this.options.rateLimitRetryMs ?? 20_000;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(`${this.eventsUrl}/v2/enqueue`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(event) });
      } catch (error) {
        throw new Error(`Could not reach PagerDuty's Events API at ${this.eventsUrl} (${request}): ${(error as Error).message}`);
      }
      const body = await response.json().catch(() => ({}));
      if (response.status === 429 && attempt < 3) {
        await new Promise((resolve) => setTimeout(resolve, retryMs * 2 ** attempt));
        continue;
      }
      if (!response.ok) throw toPagerDutyApiError(request, response.status, body, response.headers.get('retry-after'));
      return { dedupKey: String((body as { dedup_key?: string }).dedup_key ?? '') };
    }
  }

  private async list<T>(path: string, field: string, query: Query): Promise<T[]> {
    const limit = this.options.pageSize ?? 100;
    const items: T[] = [];
    let offset = 0;
    for (let page = 0; page < (this.options.maxPages ?? 50); page++) {
      const answer = await this.request<Record<string, unknown> & { more?: boolean }>('GET', path, { query: { ...query, limit: String(limit), offset: String(offset) } });
      const pageItems = (answer.body[field] as T[] | undefined) ?? [];
      items.push(...pageItems);
      if (!answer.body.more || pageItems.length === 0) break;
      offset += pageItems.length;
    }
    return items;
  }

  private async request<T>(method: 'GET' | 'POST' | 'PUT', path: string, options: { query?: Query; body?: unknown; from?: string } = {}): Promise<Answer<T>> {
    const request = `${method} ${path}`;
    const queryParameters: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(options.query ?? {})) if (value !== undefined) queryParameters[name] = value;
    let response: { status: number; ok: boolean; data?: unknown; headers: { get(name: string): string | null } };
    try {
      response = await api({
        url: `${this.baseUrl}${path}`,
        token: this.options.token,
        tokenType: 'token',
        method,
        queryParameters,
        ...(options.body !== undefined ? { data: options.body as object } : {}),
        headers: options.from ? { From: options.from } : {},
        retryTimeout: this.options.rateLimitRetryMs ?? 20_000,
        // The SDK's own timer would only keep the process alive; it never aborts the request.
        requestTimeout: 0,
      });
    } catch (failure) {
      // The SDK rejects with the response itself when the body is not JSON.
      const answer = failure as { status?: number; headers?: { get(name: string): string | null } };
      if (typeof answer?.status === 'number') throw toPagerDutyApiError(request, answer.status, {}, answer.headers?.get('retry-after') ?? null);
      throw new Error(`Could not reach PagerDuty at ${this.baseUrl} (${request}): ${(failure as Error).message}`);
    }
    if (!response.ok) throw toPagerDutyApiError(request, response.status, response.data, response.headers.get('retry-after'));
    return { status: response.status, body: response.data as T };
  }
}
