import { startUpstreamFake, type UpstreamFake, type UpstreamReply, type UpstreamRequest } from '@portico/test-utils';

// An MLflow tracking server for tests, answering the documented shapes of MLflow REST API 2.0
// (https://mlflow.org/docs/latest/rest-api.html) for exactly the endpoints the plugin uses.
// Errors are `{ error_code, message }` with MLflow's codes.

export interface FakeRun {
  info: { run_id: string; run_uuid: string; run_name: string; experiment_id: string; user_id: string; status: string; start_time: number; end_time?: number; artifact_uri: string; lifecycle_stage: string };
  data: { metrics: Array<{ key: string; value: number; timestamp: number; step: number }>; params: Array<{ key: string; value: string }>; tags: Array<{ key: string; value: string }> };
}

export interface FakeModelVersion {
  name: string;
  version: string;
  creation_timestamp: number;
  last_updated_timestamp: number;
  current_stage: string;
  description: string;
  source: string;
  run_id: string;
  status: string;
  status_message: string;
  tags: Array<{ key: string; value: string }>;
  run_link: string;
  aliases: string[];
}

export interface MlflowFake extends UpstreamFake {
  readonly token: string;
  addExperiment(name: string, tags?: Record<string, string>): string;
  /** Logs a run in an experiment (created if new); metrics become their history's last point. */
  logRun(experiment: string, run: { name?: string; status?: string; metrics?: Record<string, number>; params?: Record<string, string>; tags?: Record<string, string> }): FakeRun;
  /** Logs new metric values and/or ends the run. */
  updateRun(runId: string, change: { status?: string; metrics?: Record<string, number> }): void;
  registerVersion(model: string, runId: string, options?: { source?: string; tags?: Record<string, string> }): FakeModelVersion;
  setModelTag(model: string, key: string, value: string): void;
  /** Alias → version of a registered model. */
  aliases(model: string): Record<string, string>;
  runs(): FakeRun[];
}

const API = '/api/2.0/mlflow';
const error = (status: number, code: string, message: string): UpstreamReply => ({ status, body: { error_code: code, message } });
const page = <T>(items: T[], token: unknown, max: unknown, fallback: number): { items: T[]; next?: string } => {
  const start = typeof token === 'string' && token ? Number(Buffer.from(token, 'base64').toString()) : 0;
  const size = Number(max ?? fallback) || fallback;
  const slice = items.slice(start, start + size);
  return { items: slice, ...(start + size < items.length ? { next: Buffer.from(String(start + size)).toString('base64') } : {}) };
};
const stringField = { type: 'string', minLength: 1 };

/** Starts the MLflow fake; its token is `mlflow-test-token` unless given. */
export async function startMlflowFake(options: { token?: string } = {}): Promise<MlflowFake> {
  const token = options.token ?? 'mlflow-test-token';
  const experiments: Array<{ experiment_id: string; name: string; artifact_location: string; lifecycle_stage: string; last_update_time: number; creation_time: number; tags: Array<{ key: string; value: string }> }> = [];
  const runs: FakeRun[] = [];
  const models: Array<{ name: string; creation_timestamp: number; last_updated_timestamp: number; description: string; tags: Array<{ key: string; value: string }>; aliases: Array<{ alias: string; version: string }> }> = [];
  const versions: FakeModelVersion[] = [];
  let clock = Date.UTC(2026, 11, 1);
  const tick = () => (clock += 60_000);

  const addExperiment = (name: string, tags: Record<string, string> = {}): string => {
    const found = experiments.find((e) => e.name === name);
    if (found) return found.experiment_id;
    const id = String(experiments.length + 1);
    experiments.push({ experiment_id: id, name, artifact_location: `s3://mlflow/${id}`, lifecycle_stage: 'active', last_update_time: tick(), creation_time: clock, tags: Object.entries(tags).map(([key, value]) => ({ key, value })) });
    return id;
  };
  /** MLflow's filter syntax for the comparisons the plugin sends: `tags.k = 'v'`, `name = 'v'`, `run_id = 'v'`. */
  const parseFilter = (filter: unknown): { field: string; value: string } | null | 'bad' => {
    if (filter === undefined || filter === '') return null;
    const m = /^\s*(tags\.\w+|name|run_id)\s*=\s*'((?:[^'\\]|\\.)*)'\s*$/.exec(String(filter));
    return m ? { field: m[1], value: m[2].replace(/\\(.)/g, '$1') } : 'bad';
  };
  const badFilter = (filter: unknown) => error(400, 'INVALID_PARAMETER_VALUE', `Invalid filter '${String(filter)}'. The fake understands only tags.<key> = '...', name = '...' and run_id = '...'.`);
  const versionOf = (req: UpstreamRequest) => versions.find((v) => v.name === req.query.name && v.version === req.query.version);
  const modelOf = (name: unknown) => models.find((m) => m.name === name);
  const modelBody = (m: (typeof models)[number]) => ({ ...m, latest_versions: versions.filter((v) => v.name === m.name).slice(-1) });

  const fake = await startUpstreamFake({
    name: 'MLflow',
    authenticate: (req) => (req.headers.authorization === `Bearer ${token}` ? undefined : error(401, 'UNAUTHENTICATED', 'You are not authenticated. Please see the MLflow authentication docs.')),
    errorBody: (status, message) => ({ error_code: status === 400 ? 'INVALID_PARAMETER_VALUE' : status === 404 ? 'ENDPOINT_NOT_FOUND' : 'INTERNAL_ERROR', message }),
    routes: [
      {
        route: `POST ${API}/experiments/search`,
        request: { body: { type: 'object', properties: { max_results: { type: 'integer', minimum: 1, maximum: 50000 }, page_token: { type: 'string' }, view_type: { enum: ['ACTIVE_ONLY', 'DELETED_ONLY', 'ALL'] }, filter: { type: 'string' } } } },
        handle: (req) => {
          const b = (req.body ?? {}) as { max_results?: number; page_token?: string };
          const p = page(experiments, b.page_token, b.max_results, 1000);
          return { body: { experiments: p.items, ...(p.next ? { next_page_token: p.next } : {}) } };
        },
      },
      {
        route: `GET ${API}/experiments/get-by-name`,
        request: { query: { type: 'object', required: ['experiment_name'], properties: { experiment_name: stringField } } },
        handle: (req) => {
          const e = experiments.find((x) => x.name === req.query.experiment_name);
          return e ? { body: { experiment: e } } : error(404, 'RESOURCE_DOES_NOT_EXIST', `Could not find experiment with name '${String(req.query.experiment_name)}'`);
        },
      },
      {
        route: `POST ${API}/runs/search`,
        request: { body: { type: 'object', required: ['experiment_ids'], properties: { experiment_ids: { type: 'array', items: { type: 'string' } }, filter: { type: 'string' }, max_results: { type: 'integer', minimum: 1, maximum: 50000 }, order_by: { type: 'array', items: { type: 'string' } }, page_token: { type: 'string' }, run_view_type: { enum: ['ACTIVE_ONLY', 'DELETED_ONLY', 'ALL'] } } } },
        handle: (req) => {
          const b = req.body as { experiment_ids: string[]; filter?: string; max_results?: number; page_token?: string };
          const f = parseFilter(b.filter);
          if (f === 'bad') return badFilter(b.filter);
          const matching = runs.filter((r) => b.experiment_ids.includes(r.info.experiment_id) && (!f || (f.field.startsWith('tags.') && r.data.tags.some((t) => t.key === f.field.slice(5) && t.value === f.value)))).sort((x, y) => y.info.start_time - x.info.start_time);
          const p = page(matching, b.page_token, b.max_results, 1000);
          return { body: { runs: p.items, ...(p.next ? { next_page_token: p.next } : {}) } };
        },
      },
      {
        route: `GET ${API}/runs/get`,
        request: { query: { type: 'object', required: ['run_id'], properties: { run_id: stringField } } },
        handle: (req) => {
          const run = runs.find((r) => r.info.run_id === req.query.run_id);
          // MLflow's own latest-value view: one entry per metric key.
          return run ? { body: { run: { ...run, data: { ...run.data, metrics: [...new Map(run.data.metrics.map((m) => [m.key, m])).values()] } } } } : error(404, 'RESOURCE_DOES_NOT_EXIST', `Run '${String(req.query.run_id)}' not found.`);
        },
      },
      {
        route: `GET ${API}/metrics/get-history`,
        request: { query: { type: 'object', required: ['run_id', 'metric_key'], properties: { run_id: stringField, metric_key: stringField, max_results: { type: 'string', pattern: '^[0-9]+$' }, page_token: { type: 'string' } } } },
        handle: (req) => {
          const run = runs.find((r) => r.info.run_id === req.query.run_id);
          if (!run) return error(404, 'RESOURCE_DOES_NOT_EXIST', `Run '${String(req.query.run_id)}' not found.`);
          const p = page(run.data.metrics.filter((m) => m.key === req.query.metric_key), req.query.page_token, req.query.max_results, 25000);
          return { body: { metrics: p.items, ...(p.next ? { next_page_token: p.next } : {}) } };
        },
      },
      {
        route: `GET ${API}/registered-models/search`,
        request: { query: { type: 'object', properties: { max_results: { type: 'string', pattern: '^[0-9]+$' }, page_token: { type: 'string' }, filter: { type: 'string' } } } },
        handle: (req) => {
          const p = page(models.map(modelBody), req.query.page_token, req.query.max_results, 100);
          return { body: { registered_models: p.items, ...(p.next ? { next_page_token: p.next } : {}) } };
        },
      },
      {
        route: `GET ${API}/registered-models/get`,
        request: { query: { type: 'object', required: ['name'], properties: { name: stringField } } },
        handle: (req) => {
          const m = modelOf(req.query.name);
          return m ? { body: { registered_model: modelBody(m) } } : error(404, 'RESOURCE_DOES_NOT_EXIST', `Registered Model with name=${String(req.query.name)} not found`);
        },
      },
      {
        route: `GET ${API}/model-versions/search`,
        request: { query: { type: 'object', properties: { filter: { type: 'string' }, max_results: { type: 'string', pattern: '^[0-9]+$' }, page_token: { type: 'string' }, order_by: {} } } },
        handle: (req) => {
          const f = parseFilter(req.query.filter);
          if (f === 'bad') return badFilter(req.query.filter);
          const matching = versions.filter((v) => !f || (f.field === 'name' ? v.name : f.field === 'run_id' ? v.run_id : null) === f.value);
          const p = page(matching, req.query.page_token, req.query.max_results, 10000);
          return { body: { model_versions: p.items, ...(p.next ? { next_page_token: p.next } : {}) } };
        },
      },
      {
        route: `GET ${API}/model-versions/get`,
        request: { query: { type: 'object', required: ['name', 'version'], properties: { name: stringField, version: stringField } } },
        handle: (req) => (versionOf(req) ? { body: { model_version: versionOf(req) } } : error(404, 'RESOURCE_DOES_NOT_EXIST', `Model Version (name=${String(req.query.name)}, version=${String(req.query.version)}) not found`)),
      },
      {
        route: `POST ${API}/registered-models/alias`,
        request: { body: { type: 'object', required: ['name', 'alias', 'version'], properties: { name: stringField, alias: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' }, version: { type: 'string', pattern: '^[0-9]+$' } } } },
        handle: (req) => {
          const b = req.body as { name: string; alias: string; version: string };
          const m = modelOf(b.name);
          if (!m) return error(404, 'RESOURCE_DOES_NOT_EXIST', `Registered Model with name=${b.name} not found`);
          if (!versions.some((v) => v.name === b.name && v.version === b.version)) return error(404, 'RESOURCE_DOES_NOT_EXIST', `Model Version (name=${b.name}, version=${b.version}) not found`);
          m.aliases = [...m.aliases.filter((a) => a.alias !== b.alias), { alias: b.alias, version: b.version }];
          for (const v of versions.filter((x) => x.name === b.name)) v.aliases = v.version === b.version ? [...new Set([...v.aliases, b.alias])] : v.aliases.filter((a) => a !== b.alias);
          return { body: {} };
        },
      },
      {
        route: `DELETE ${API}/registered-models/alias`,
        request: { body: { type: 'object', required: ['name', 'alias'], properties: { name: stringField, alias: stringField } } },
        handle: (req) => {
          const b = req.body as { name: string; alias: string };
          const m = modelOf(b.name);
          if (!m) return error(404, 'RESOURCE_DOES_NOT_EXIST', `Registered Model with name=${b.name} not found`);
          m.aliases = m.aliases.filter((a) => a.alias !== b.alias);
          for (const v of versions.filter((x) => x.name === b.name)) v.aliases = v.aliases.filter((a) => a !== b.alias);
          return { body: {} };
        },
      },
    ],
  });

  return Object.assign(fake, {
    token,
    addExperiment,
    logRun: (experiment: string, run: { name?: string; status?: string; metrics?: Record<string, number>; params?: Record<string, string>; tags?: Record<string, string> }) => {
      const experimentId = addExperiment(experiment);
      const runId = `${(runs.length + 1).toString(16).padStart(6, '0')}${'a'.repeat(26)}`;
      const created: FakeRun = {
        info: { run_id: runId, run_uuid: runId, run_name: run.name ?? `run-${runs.length + 1}`, experiment_id: experimentId, user_id: 'trainer', status: run.status ?? 'RUNNING', start_time: tick(), ...(run.status && run.status !== 'RUNNING' ? { end_time: tick() } : {}), artifact_uri: `s3://mlflow/${experimentId}/${runId}/artifacts`, lifecycle_stage: 'active' },
        data: { metrics: Object.entries(run.metrics ?? {}).map(([key, value]) => ({ key, value, timestamp: clock, step: 0 })), params: Object.entries(run.params ?? {}).map(([key, value]) => ({ key, value })), tags: Object.entries(run.tags ?? {}).map(([key, value]) => ({ key, value })) },
      };
      runs.push(created);
      return created;
    },
    updateRun: (runId: string, change: { status?: string; metrics?: Record<string, number> }) => {
      const run = runs.find((r) => r.info.run_id === runId)!;
      const step = run.data.metrics.length;
      for (const [key, value] of Object.entries(change.metrics ?? {})) run.data.metrics.push({ key, value, timestamp: tick(), step });
      if (change.status) Object.assign(run.info, { status: change.status, end_time: tick() });
    },
    registerVersion: (model: string, runId: string, o: { source?: string; tags?: Record<string, string> } = {}) => {
      if (!modelOf(model)) models.push({ name: model, creation_timestamp: tick(), last_updated_timestamp: clock, description: '', tags: [], aliases: [] });
      const version = String(versions.filter((v) => v.name === model).length + 1);
      const run = runs.find((r) => r.info.run_id === runId);
      const created: FakeModelVersion = { name: model, version, creation_timestamp: tick(), last_updated_timestamp: clock, current_stage: 'None', description: '', source: o.source ?? `${run?.info.artifact_uri ?? 's3://mlflow'}/model`, run_id: runId, status: 'READY', status_message: '', tags: Object.entries(o.tags ?? {}).map(([key, value]) => ({ key, value })), run_link: '', aliases: [] };
      versions.push(created);
      return created;
    },
    setModelTag: (model: string, key: string, value: string) => {
      const m = modelOf(model)!;
      m.tags = [...m.tags.filter((t) => t.key !== key), { key, value }];
    },
    aliases: (model: string) => Object.fromEntries((modelOf(model)?.aliases ?? []).map((a) => [a.alias, a.version])),
    runs: () => runs,
  });
}
