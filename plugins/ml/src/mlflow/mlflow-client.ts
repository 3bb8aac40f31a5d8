import type { MlflowApi } from './mlflow-api';
import { MlflowApiError, toMlflowApiError } from './mlflow-api-error';
import type { WireAnswer, WireExperiment, WireModelVersion, WireRegisteredModel, WireRun } from './mlflow-wire-types';
import type { MlflowExperiment, MlflowMetricPoint, MlflowModelVersion, MlflowRegisteredModel, MlflowRun, MlflowRunStatus, MlflowTag } from './mlflow-types';

/**
 * How the client signs its requests; read when a request needs it, so rotated secrets apply.
 * @public
 */
export type MlflowCredentials = { type: 'none' } | { type: 'bearer'; token: string } | { type: 'basic'; username: string; password: string };

/** @public */
export interface MlflowClientOptions {
  baseUrl: string;
  uiUrl?: string;
  credentials(): Promise<MlflowCredentials>;
  /** Items per page (`max_results`); `page_token`s fetch the rest. */
  pageSize?: number;
}

const MAX_PAGES = 100;


const tagMap = (tags: MlflowTag[] | undefined): Record<string, string> => Object.fromEntries((tags ?? []).map((t) => [t.key, t.value]));
const number = (value: unknown): number | null => (value === undefined || value === null || value === '' ? null : Number(value));

function toExperiment(e: WireExperiment): MlflowExperiment {
  return { experimentId: String(e.experiment_id), name: e.name, artifactLocation: e.artifact_location ?? null, lifecycleStage: e.lifecycle_stage ?? 'active', lastUpdateTime: number(e.last_update_time), tags: tagMap(e.tags) };
}

function toRun(r: WireRun): MlflowRun {
  const info = r.info;
  const data = r.data ?? {};
  return {
    runId: (info.run_id ?? info.run_uuid)!,
    runName: info.run_name ?? null,
    experimentId: String(info.experiment_id),
    status: (info.status ?? 'RUNNING') as MlflowRunStatus,
    startTime: number(info.start_time),
    endTime: number(info.end_time),
    userId: info.user_id ?? null,
    metrics: Object.fromEntries((data.metrics ?? []).map((m) => [m.key, Number(m.value)])),
    params: tagMap(data.params),
    tags: tagMap(data.tags),
  };
}

function toVersion(v: WireModelVersion): MlflowModelVersion {
  return { name: v.name, version: String(v.version), currentStage: v.current_stage ?? null, status: v.status ?? 'READY', source: v.source ?? null, runId: v.run_id || null, aliases: v.aliases ?? [], description: v.description || null, creationTimestamp: number(v.creation_timestamp), tags: tagMap(v.tags) };
}

function toModel(m: WireRegisteredModel): MlflowRegisteredModel {
  return { name: m.name, description: m.description || null, aliases: Object.fromEntries((m.aliases ?? []).map((a) => [a.alias, String(a.version)])), tags: tagMap(m.tags), lastUpdatedTimestamp: number(m.last_updated_timestamp) };
}

/** Escapes a value for MLflow's search filter syntax (single-quoted strings). */
export function filterValue(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * MLflow REST API 2.0 through fetch. MLflow publishes no JavaScript SDK for tracking and the
 * registry (its npm packages are for tracing), so this is a small typed client of the endpoints used.
 * @public
 */
export class MlflowClient implements MlflowApi {
  private readonly base: string;
  private readonly ui: string;
  private readonly pageSize: number;

  constructor(private readonly options: MlflowClientOptions) {
    this.base = `${options.baseUrl.replace(/\/+$/, '')}/api/2.0/mlflow`;
    this.ui = (options.uiUrl ?? options.baseUrl).replace(/\/+$/, '');
    this.pageSize = options.pageSize ?? 1000;
  }

  private async request(method: 'GET' | 'POST' | 'DELETE', path: string, args: Record<string, unknown> = {}): Promise<WireAnswer> {
    const credentials = await this.options.credentials();
    const headers: Record<string, string> = { accept: 'application/json' };
    if (credentials.type === 'bearer') headers.authorization = `Bearer ${credentials.token}`;
    if (credentials.type === 'basic') headers.authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(args)) if (v !== undefined) query.set(k, String(v));
    // GET sends its fields as the query; POST and DELETE as a JSON body, as MLflow's own clients do.
    const url = `${this.base}${path}${method === 'GET' && query.size ? `?${query}` : ''}`;
    const what = `${method} ${path}`;
    let res: Response;
    try {
      res = await fetch(url, { method, headers: { ...headers, ...(method !== 'GET' ? { 'content-type': 'application/json' } : {}) }, ...(method !== 'GET' ? { body: JSON.stringify(args) } : {}) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const why = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new MlflowApiError(`MLflow at ${this.options.baseUrl} could not be reached for ${what} (${why}): check mlflow.baseUrl and the network.`, null, null);
    }
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      // A proxy's HTML error page: kept as text for the message.
    }
    if (!res.ok) throw toMlflowApiError(what, res.status, body);
    return body as WireAnswer;
  }

  /** Every page of a paginated list. */
  private async all<T>(fetchPage: (token: string | undefined) => Promise<{ items: T[]; next?: string }>, limit = Infinity): Promise<T[]> {
    const items: T[] = [];
    let token: string | undefined;
    for (let n = 0; n < MAX_PAGES && items.length < limit; n++) {
      const page = await fetchPage(token);
      items.push(...page.items);
      token = page.next || undefined;
      if (!token) break;
    }
    return items.slice(0, limit);
  }

  searchExperiments(): Promise<MlflowExperiment[]> {
    return this.all(async (page_token) => {
      const body = await this.request('POST', '/experiments/search', { max_results: this.pageSize, view_type: 'ACTIVE_ONLY', ...(page_token ? { page_token } : {}) });
      return { items: (body.experiments ?? []).map(toExperiment), next: body.next_page_token };
    });
  }

  async getExperimentByName(name: string): Promise<MlflowExperiment | null> {
    try {
      return toExperiment((await this.request('GET', '/experiments/get-by-name', { experiment_name: name })).experiment!);
    } catch (error) {
      if (error instanceof MlflowApiError && error.status === 404) return null;
      throw error;
    }
  }

  searchRuns(experimentIds: string[], options: { filter?: string; maxResults?: number } = {}): Promise<MlflowRun[]> {
    const limit = options.maxResults ?? Infinity;
    return this.all(async (page_token) => {
      const body = await this.request('POST', '/runs/search', { experiment_ids: experimentIds, ...(options.filter ? { filter: options.filter } : {}), max_results: Math.min(this.pageSize, limit), order_by: ['attributes.start_time DESC'], ...(page_token ? { page_token } : {}) });
      return { items: (body.runs ?? []).map(toRun), next: body.next_page_token };
    }, limit);
  }

  async getRun(runId: string): Promise<MlflowRun> {
    return toRun((await this.request('GET', '/runs/get', { run_id: runId })).run!);
  }

  getMetricHistory(runId: string, metricKey: string): Promise<MlflowMetricPoint[]> {
    return this.all(async (page_token) => {
      const body = await this.request('GET', '/metrics/get-history', { run_id: runId, metric_key: metricKey, max_results: this.pageSize, page_token });
      return { items: (body.metrics ?? []).map((m) => ({ key: m.key, value: Number(m.value), timestamp: Number(m.timestamp), step: Number(m.step ?? 0) })), next: body.next_page_token };
    });
  }

  searchRegisteredModels(): Promise<MlflowRegisteredModel[]> {
    return this.all(async (page_token) => {
      const body = await this.request('GET', '/registered-models/search', { max_results: Math.min(this.pageSize, 1000), page_token });
      return { items: (body.registered_models ?? []).map(toModel), next: body.next_page_token };
    });
  }

  async getRegisteredModel(name: string): Promise<MlflowRegisteredModel> {
    return toModel((await this.request('GET', '/registered-models/get', { name })).registered_model!);
  }

  searchModelVersions(filter: string): Promise<MlflowModelVersion[]> {
    return this.all(async (page_token) => {
      // model-versions/search pages at most 200,000 but defaults to 10,000; ask for pages of pageSize.
      const body = await this.request('GET', '/model-versions/search', { filter, max_results: this.pageSize, page_token });
      return { items: (body.model_versions ?? []).map(toVersion), next: body.next_page_token };
    });
  }

  async getModelVersion(name: string, version: string): Promise<MlflowModelVersion> {
    return toVersion((await this.request('GET', '/model-versions/get', { name, version })).model_version!);
  }

  async setAlias(name: string, alias: string, version: string): Promise<void> {
    await this.request('POST', '/registered-models/alias', { name, alias, version });
  }

  async deleteAlias(name: string, alias: string): Promise<void> {
    try {
      await this.request('DELETE', '/registered-models/alias', { name, alias });
    } catch (error) {
      // Deleting an alias that is not set is done already.
      if (!(error instanceof MlflowApiError && error.status === 404)) throw error;
    }
  }

  experimentUrl(experimentId: string): string {
    return `${this.ui}/#/experiments/${encodeURIComponent(experimentId)}`;
  }

  runUrl(experimentId: string, runId: string): string {
    return `${this.experimentUrl(experimentId)}/runs/${encodeURIComponent(runId)}`;
  }

  modelUrl(name: string, version?: string): string {
    return `${this.ui}/#/models/${encodeURIComponent(name)}${version ? `/versions/${encodeURIComponent(version)}` : ''}`;
  }
}
