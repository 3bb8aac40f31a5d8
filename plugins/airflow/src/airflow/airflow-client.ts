import type { AirflowApi } from './airflow-api';
import { toAirflowApiError } from './airflow-api-error';
import type { AirflowDag, AirflowDagRun, AirflowDataset, AirflowTaskInstance, DagRunState, TaskState, TriggerDagRun } from './airflow-types';

/**
 * How the portal proves itself to Airflow.
 * @public
 */
export type AirflowCredentials =
  | { type: 'basic'; username: string; password: string }
  | { type: 'bearer'; token: string }
  /** Airflow 3: exchange a username and password for a JWT at `POST /auth/token`, renewed when refused. */
  | { type: 'jwt'; username: string; password: string };

/** @public */
export interface AirflowClientOptions {
  /** The instance's name, used in error messages. */
  instance: string;
  /** The Airflow web server's root, e.g. `https://airflow.example.com` (the client adds `/api/v1` or `/api/v2`). */
  baseUrl: string;
  apiVersion: 'v1' | 'v2';
  /** Read on every (re)authentication, so rotated secrets apply without a restart. */
  credentials(): Promise<AirflowCredentials>;
  /** Where links to Airflow's UI point (default `baseUrl`). */
  uiUrl?: string;
  /** Page size of list requests (Airflow's default maximum is 100). */
  pageSize?: number;
  /** Safety net on paginated lists: stop after this many pages. */
  maxPages?: number;
}

type Query = Record<string, string | number | boolean | string[] | undefined>;

interface RawDag {
  dag_id: string;
  dag_display_name?: string;
  description?: string | null;
  owners?: string[];
  tags?: Array<{ name: string }> | null;
  is_paused?: boolean | null;
  schedule_interval?: { __type?: string; value?: string; days?: number; seconds?: number } | null;
  timetable_summary?: string | null;
  timetable_description?: string | null;
  next_dagrun?: string | null;
  next_dagrun_run_after?: string | null;
  next_dagrun_logical_date?: string | null;
  fileloc?: string;
}

interface RawDagRun {
  dag_id: string;
  dag_run_id: string;
  state: DagRunState;
  run_type?: string;
  logical_date?: string | null;
  execution_date?: string | null;
  start_date?: string | null;
  end_date?: string | null;
  conf?: Record<string, unknown> | null;
  note?: string | null;
}

interface RawTaskInstance {
  task_id: string;
  dag_run_id?: string;
  state?: TaskState;
  try_number?: number;
  start_date?: string | null;
  end_date?: string | null;
  map_index?: number;
}

function scheduleOf(dag: RawDag): string | null {
  if (dag.timetable_summary !== undefined) return dag.timetable_summary ?? null;
  const interval = dag.schedule_interval;
  if (interval?.__type === 'CronExpression' && interval.value) return interval.value;
  if (interval?.__type === 'TimeDelta') return `every ${interval.days ? `${interval.days}d ` : ''}${interval.seconds ?? 0}s`.replace(' 0s', '');
  return dag.timetable_description ?? null;
}

export function toDag(dag: RawDag): AirflowDag {
  return {
    dagId: dag.dag_id,
    displayName: dag.dag_display_name ?? dag.dag_id,
    description: dag.description ?? null,
    owners: dag.owners ?? [],
    tags: (dag.tags ?? []).map((t) => t.name),
    isPaused: dag.is_paused ?? false,
    schedule: scheduleOf(dag),
    nextRunAt: dag.next_dagrun_run_after ?? dag.next_dagrun_logical_date ?? dag.next_dagrun ?? null,
    fileloc: dag.fileloc ?? null,
  };
}

function toRun(run: RawDagRun): AirflowDagRun {
  return {
    dagId: run.dag_id,
    runId: run.dag_run_id,
    state: run.state,
    runType: run.run_type ?? null,
    logicalDate: run.logical_date ?? run.execution_date ?? null,
    startDate: run.start_date ?? null,
    endDate: run.end_date ?? null,
    conf: run.conf ?? {},
    note: run.note ?? null,
  };
}

function toTask(task: RawTaskInstance): AirflowTaskInstance {
  return { taskId: task.task_id, state: task.state ?? null, tryNumber: task.try_number ?? 0, startDate: task.start_date ?? null, endDate: task.end_date ?? null, mapIndex: task.map_index ?? -1 };
}

const enc = encodeURIComponent;

/**
 * Airflow's stable REST API, v1 (Airflow 2.x) or v2 (Airflow 3), for the endpoints the plugin
 * uses. Apache publishes no JavaScript client, so this is `fetch` over the documented shapes:
 * offset/limit pagination until `total_entries`, and every non-2xx answer an `AirflowApiError`.
 * @public
 */
export class AirflowClient implements AirflowApi {
  private readonly baseUrl: string;
  private readonly prefix: string;
  private jwt: Promise<string> | null = null;

  constructor(private readonly options: AirflowClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.prefix = `/api/${options.apiVersion}`;
  }

  listDags(): Promise<AirflowDag[]> {
    return this.list<RawDag>('/dags', 'dags', {}).then((dags) => dags.map(toDag));
  }

  async getDag(dagId: string): Promise<AirflowDag> {
    return toDag(await this.request<RawDag>('GET', `/dags/${enc(dagId)}`));
  }

  async setPaused(dagId: string, paused: boolean): Promise<AirflowDag> {
    return toDag(await this.request<RawDag>('PATCH', `/dags/${enc(dagId)}`, { query: { update_mask: 'is_paused' }, body: { is_paused: paused } }));
  }

  async listDagRuns(dagId: string, limit: number): Promise<AirflowDagRun[]> {
    // v1 orders by execution_date; v2 has no execution_date and orders by run_after.
    const orderBy = this.options.apiVersion === 'v1' ? '-execution_date' : '-run_after';
    const page = await this.request<{ dag_runs: RawDagRun[] }>('GET', `/dags/${enc(dagId)}/dagRuns`, { query: { limit, offset: 0, order_by: orderBy } });
    return page.dag_runs.map(toRun);
  }

  async triggerDagRun(dagId: string, trigger: TriggerDagRun): Promise<AirflowDagRun> {
    const body: Record<string, unknown> = { conf: trigger.conf };
    if (trigger.runId) body.dag_run_id = trigger.runId;
    if (trigger.note) body.note = trigger.note;
    // Airflow 3 runs a manually triggered DAG "now" when logical_date is null.
    if (this.options.apiVersion === 'v2') body.logical_date = null;
    return toRun(await this.request<RawDagRun>('POST', `/dags/${enc(dagId)}/dagRuns`, { body }));
  }

  async getDagRun(dagId: string, runId: string): Promise<AirflowDagRun> {
    return toRun(await this.request<RawDagRun>('GET', `/dags/${enc(dagId)}/dagRuns/${enc(runId)}`));
  }

  async listTaskInstances(dagId: string, runId: string): Promise<AirflowTaskInstance[]> {
    return (await this.list<RawTaskInstance>(`/dags/${enc(dagId)}/dagRuns/${enc(runId)}/taskInstances`, 'task_instances', {})).map(toTask);
  }

  async listTaskInstancesOfRuns(dagId: string, runIds: string[]): Promise<Map<string, AirflowTaskInstance[]>> {
    const byRun = new Map<string, AirflowTaskInstance[]>(runIds.map((id) => [id, []]));
    if (runIds.length === 0) return byRun;
    const path = '/dags/~/dagRuns/~/taskInstances/list';
    const body = { dag_ids: [dagId], dag_run_ids: runIds };
    const found: RawTaskInstance[] = [];
    if (this.options.apiVersion === 'v2') {
      const limit = this.options.pageSize ?? 100;
      for (let page = 0; page < (this.options.maxPages ?? 100); page++) {
        const answer = await this.request<{ task_instances: RawTaskInstance[]; total_entries: number }>('POST', path, { body: { ...body, page_limit: limit, page_offset: found.length } });
        found.push(...answer.task_instances);
        if (answer.task_instances.length === 0 || found.length >= answer.total_entries) break;
      }
    } else {
      // v1's batch form documents no paging: when Airflow's page limit cut the answer short,
      // the runs are read one by one instead.
      const answer = await this.request<{ task_instances: RawTaskInstance[]; total_entries?: number }>('POST', path, { body });
      if (answer.task_instances.length < (answer.total_entries ?? 0)) {
        for (const runId of runIds) byRun.set(runId, await this.listTaskInstances(dagId, runId));
        return byRun;
      }
      found.push(...answer.task_instances);
    }
    for (const task of found) byRun.get(task.dag_run_id ?? '')?.push(toTask(task));
    return byRun;
  }

  async clearFailedTasks(dagId: string, runId: string, dryRun: boolean): Promise<string[]> {
    const answer = await this.request<{ task_instances: Array<{ task_id: string }> }>('POST', `/dags/${enc(dagId)}/clearTaskInstances`, {
      body: { dag_run_id: runId, dry_run: dryRun, only_failed: true, reset_dag_runs: true },
    });
    return answer.task_instances.map((t) => t.task_id);
  }

  async listDatasets(): Promise<AirflowDataset[]> {
    type Ref = { dag_id?: string | null };
    type Raw = { uri: string; producing_tasks?: Ref[]; consuming_dags?: Ref[]; scheduled_dags?: Ref[]; consuming_tasks?: Ref[] };
    const dagsOf = (...lists: Array<Ref[] | undefined>): string[] => [...new Set(lists.flatMap((l) => l ?? []).map((r) => r.dag_id).filter((d): d is string => typeof d === 'string'))];
    // Airflow 3 renamed datasets to assets.
    const raw = this.options.apiVersion === 'v1' ? await this.list<Raw>('/datasets', 'datasets', {}) : await this.list<Raw>('/assets', 'assets', {});
    return raw.map((d) => ({ uri: d.uri, producers: dagsOf(d.producing_tasks), consumers: dagsOf(d.consuming_dags, d.scheduled_dags, d.consuming_tasks) }));
  }

  async getTaskLog(dagId: string, runId: string, taskId: string, tryNumber: number): Promise<string> {
    const answer = await this.request<{ content: string | Array<string | { event?: string; timestamp?: string }> }>(
      'GET',
      `/dags/${enc(dagId)}/dagRuns/${enc(runId)}/taskInstances/${enc(taskId)}/logs/${tryNumber}`,
      { query: { full_content: true } },
    );
    if (typeof answer.content === 'string') return answer.content;
    return answer.content.map((line) => (typeof line === 'string' ? line : [line.timestamp, line.event].filter(Boolean).join(' '))).join('\n');
  }

  runUrl(dagId: string, runId: string): string {
    const ui = (this.options.uiUrl ?? this.baseUrl).replace(/\/+$/, '');
    return this.options.apiVersion === 'v1' ? `${ui}/dags/${enc(dagId)}/grid?dag_run_id=${enc(runId)}` : `${ui}/dags/${enc(dagId)}/runs/${enc(runId)}`;
  }

  /** Every page of a collection, until `total_entries` items are read (or a page comes back empty). */
  private async list<T>(path: string, field: string, query: Query): Promise<T[]> {
    const limit = this.options.pageSize ?? 100;
    const items: T[] = [];
    for (let page = 0; page < (this.options.maxPages ?? 100); page++) {
      const answer = await this.request<Record<string, unknown> & { total_entries?: number }>('GET', path, { query: { ...query, limit, offset: items.length } });
      const pageItems = (answer[field] as T[] | undefined) ?? [];
      items.push(...pageItems);
      if (pageItems.length === 0 || items.length >= (answer.total_entries ?? 0)) break;
    }
    return items;
  }

  private async authorization(renew: boolean): Promise<string> {
    const credentials = await this.options.credentials();
    if (credentials.type === 'basic') return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
    if (credentials.type === 'bearer') return `Bearer ${credentials.token}`;
    if (renew || !this.jwt) {
      this.jwt = this.fetchJwt(credentials.username, credentials.password);
      this.jwt.catch(() => (this.jwt = null));
    }
    return `Bearer ${await this.jwt}`;
  }

  private async fetchJwt(username: string, password: string): Promise<string> {
    const request = 'POST /auth/token';
    const response = await this.send(request, `${this.baseUrl}/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ username, password }) });
    const body = await readBody(response);
    if (!response.ok) throw toAirflowApiError(this.options.instance, request, response.status, body);
    const token = (body as { access_token?: unknown })?.access_token;
    if (typeof token !== 'string' || !token) throw new Error(`Airflow "${this.options.instance}" answered ${request} without an access_token; is ${this.baseUrl} an Airflow 3 API server?`);
    return token;
  }

  private async send(request: string, url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, init);
    } catch (error) {
      const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
      throw new Error(`Could not reach Airflow "${this.options.instance}" at ${this.baseUrl} (${request}): ${cause}. Check the instance's baseUrl and that Airflow is up.`);
    }
  }

  private async request<T>(method: 'GET' | 'POST' | 'PATCH', path: string, options: { query?: Query; body?: unknown } = {}): Promise<T> {
    const request = `${method} ${this.prefix}${path}`;
    const url = new URL(`${this.baseUrl}${this.prefix}${path}`);
    for (const [name, value] of Object.entries(options.query ?? {})) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(v));
    }
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = { accept: 'application/json', authorization: await this.authorization(attempt > 0) };
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const response = await this.send(request, url.toString(), { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
      const body = await readBody(response);
      // An expired JWT is renewed once; basic and bearer credentials would only fail again.
      if (response.status === 401 && attempt === 0 && (await this.options.credentials()).type === 'jwt') continue;
      if (!response.ok) throw toAirflowApiError(this.options.instance, request, response.status, body);
      return body as T;
    }
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
