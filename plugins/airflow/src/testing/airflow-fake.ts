import { randomUUID } from 'node:crypto';
import type { JsonSchema } from '@portico/plugin-api';
import { offsetPage, startUpstreamFake, type UpstreamFake, type UpstreamReply, type UpstreamRequest, type UpstreamRoute } from '@portico/test-utils';
import type { DagRunState, TaskState } from '../airflow/airflow-types';

// A local Airflow for tests: the stable REST API v1 (Airflow 2.10) or v2 (Airflow 3), for
// exactly the endpoints the plugin calls, with the documented request bodies, offset/limit
// pagination with `total_entries`, v1's problem+json errors and v2's `{detail}` errors, basic
// auth (v1) or JWTs from `POST /auth/token` (v2). Runs move one step each time a client reads
// them, so tests follow a run to its end without waiting on a clock.

export const FAKE_USER = 'portal';
export const FAKE_PASSWORD = 'airflow-test-password';
export const FAKE_TOKEN = 'airflow-test-token';

export interface FakeDag {
  dagId: string;
  owners?: string[];
  tags?: string[];
  description?: string;
  schedule?: string | null;
  isPaused?: boolean;
  tasks?: string[];
  /** A task that fails whenever it runs. */
  failingTask?: string;
}

interface FakeRun {
  dagId: string;
  runId: string;
  state: DagRunState;
  conf: Record<string, unknown>;
  note: string | null;
  runType: string;
  logicalDate: string;
  startDate: string | null;
  endDate: string | null;
  tasks: Array<{ taskId: string; state: TaskState; tryNumber: number }>;
}

export interface AirflowFake {
  readonly url: string;
  readonly http: UpstreamFake;
  readonly apiVersion: 'v1' | 'v2';
  addDag(dag: FakeDag): void;
  /** Airflow no longer has the DAG (its file was deleted). */
  removeDag(dagId: string): void;
  /** Adds a finished run (for ingestion and the grid), newest last. */
  addRun(dagId: string, state: 'success' | 'failed', conf?: Record<string, unknown>): string;
  runsOf(dagId: string): FakeRun[];
  /** Tokens issued so far stop being accepted, as when a JWT expires. */
  expireTokens(): void;
  /** Lets a failing task pass from now on (after a fix), so clearing it leads to success. */
  fixTask(dagId: string): void;
  /** A dataset (v1) or asset (v2) that `producers` update and `consumers` are scheduled on. */
  addDataset(uri: string, producers: string[], consumers: string[]): void;
  /** Caps batch task-instance answers at `n`, as Airflow's page limit would. */
  capBatch(n: number): void;
  close(): Promise<void>;
}

const pageQuery = { type: 'object', properties: { limit: { type: 'string', pattern: '^\\d+$' }, offset: { type: 'string', pattern: '^\\d+$' } } };

export async function startAirflowFake(options: { apiVersion: 'v1' | 'v2'; uiUrl?: string }): Promise<AirflowFake> {
  const { apiVersion } = options;
  const p = `/api/${apiVersion}`;
  const dags = new Map<string, Required<Omit<FakeDag, 'failingTask'>> & { failingTask?: string }>();
  const runs: FakeRun[] = [];
  const datasets: Array<{ uri: string; producers: string[]; consumers: string[] }> = [];
  let tokens = new Set<string>();
  let issued = 0;
  let clock = Date.parse('2026-11-30T06:00:00Z');
  const tick = (): string => new Date((clock += 60_000)).toISOString();

  const error = (status: number, detail: string): UpstreamReply =>
    apiVersion === 'v1'
      ? { status, headers: { 'content-type': 'application/problem+json' }, body: { type: `https://airflow.apache.org/docs/apache-airflow/2.10.0/stable-rest-api-ref.html#section/Errors/${status === 404 ? 'NotFound' : status === 409 ? 'AlreadyExists' : status === 401 ? 'Unauthenticated' : 'BadRequest'}`, title: status === 404 ? 'Not Found' : status === 409 ? 'Conflict' : status === 401 ? 'Unauthorized' : 'Bad Request', status, detail } }
      : { status, body: { detail } };

  const dagBody = (dag: NonNullable<ReturnType<typeof dags.get>>): Record<string, unknown> => {
    const common = { dag_id: dag.dagId, dag_display_name: dag.dagId, description: dag.description, owners: dag.owners, is_paused: dag.isPaused, fileloc: `/opt/airflow/dags/${dag.dagId}.py`, file_token: `tok-${dag.dagId}`, has_import_errors: false };
    if (apiVersion === 'v1') {
      return { ...common, tags: dag.tags.map((name) => ({ name })), is_active: true, is_subdag: false, schedule_interval: dag.schedule ? { __type: 'CronExpression', value: dag.schedule } : null, next_dagrun: dag.schedule ? '2026-12-04T06:00:00+00:00' : null, timetable_description: dag.schedule ? `At ${dag.schedule}` : 'Never, external triggers only' };
    }
    return { ...common, tags: dag.tags.map((name) => ({ name, dag_id: dag.dagId, dag_display_name: dag.dagId })), is_stale: false, timetable_summary: dag.schedule, next_dagrun_run_after: dag.schedule ? '2026-12-04T06:00:00Z' : null, max_active_tasks: 16, has_task_concurrency_limits: false, max_consecutive_failed_dag_runs: 0, timetable_partitioned: false };
  };

  const runBody = (run: FakeRun): Record<string, unknown> => {
    const common = { dag_id: run.dagId, dag_run_id: run.runId, state: run.state, run_type: run.runType, logical_date: run.logicalDate, start_date: run.startDate, end_date: run.endDate, conf: run.conf, note: run.note, data_interval_start: run.logicalDate, data_interval_end: run.logicalDate };
    return apiVersion === 'v1' ? { ...common, execution_date: run.logicalDate, external_trigger: run.runType === 'manual' } : { ...common, run_after: run.logicalDate, dag_display_name: run.dagId, dag_versions: [], triggered_by: 'rest_api' };
  };

  const taskBody = (run: FakeRun, task: FakeRun['tasks'][number]): Record<string, unknown> => ({
    task_id: task.taskId,
    dag_id: run.dagId,
    dag_run_id: run.runId,
    state: task.state,
    try_number: task.tryNumber,
    map_index: -1,
    max_tries: 1,
    pool: 'default_pool',
    pool_slots: 1,
    executor_config: '{}',
    start_date: task.state ? run.startDate : null,
    end_date: task.state === 'success' || task.state === 'failed' ? run.endDate ?? run.startDate : null,
    ...(apiVersion === 'v2' ? { id: randomUUID(), task_display_name: task.taskId, dag_display_name: run.dagId, run_after: run.logicalDate } : { execution_date: run.logicalDate }),
  });

  /** One step of a live run: queued → running → each task in turn → success or failed. */
  const advance = (run: FakeRun): void => {
    if (run.state === 'success' || run.state === 'failed') return;
    if (run.state === 'queued') {
      run.state = 'running';
      run.startDate = tick();
      for (const t of run.tasks) if (t.state === null) t.state = 'scheduled';
      return;
    }
    const dag = dags.get(run.dagId)!;
    const running = run.tasks.find((t) => t.state === 'running');
    if (running) {
      running.state = running.taskId === dag.failingTask ? 'failed' : 'success';
      if (running.state === 'failed') for (const t of run.tasks) if (t.state === 'scheduled') t.state = 'upstream_failed';
    } else {
      const next = run.tasks.find((t) => t.state === 'scheduled' || t.state === 'queued');
      if (next) {
        next.state = 'running';
        next.tryNumber += 1;
        return;
      }
    }
    if (run.tasks.every((t) => t.state === 'success' || t.state === 'failed' || t.state === 'upstream_failed' || t.state === 'skipped') && !run.tasks.some((t) => t.state === 'running')) {
      run.state = run.tasks.some((t) => t.state === 'failed' || t.state === 'upstream_failed') ? 'failed' : 'success';
      run.endDate = tick();
    }
  };

  const findDag = (req: UpstreamRequest) => dags.get(req.params.dagId);
  const findRun = (req: UpstreamRequest) => runs.find((r) => r.dagId === req.params.dagId && r.runId === req.params.runId);
  const newestFirst = (dagId: string) => runs.filter((r) => r.dagId === dagId).reverse();

  const triggerBody: JsonSchema =
    apiVersion === 'v1'
      ? { type: 'object', additionalProperties: false, properties: { conf: { type: 'object' }, dag_run_id: { type: ['string', 'null'] }, logical_date: { type: ['string', 'null'] }, execution_date: { type: ['string', 'null'] }, data_interval_start: { type: ['string', 'null'] }, data_interval_end: { type: ['string', 'null'] }, note: { type: ['string', 'null'] } } }
      : { type: 'object', additionalProperties: false, properties: { conf: { type: ['object', 'null'] }, dag_run_id: { type: ['string', 'null'] }, logical_date: { type: ['string', 'null'] }, run_after: { type: ['string', 'null'] }, data_interval_start: { type: ['string', 'null'] }, data_interval_end: { type: ['string', 'null'] }, note: { type: ['string', 'null'] }, partition_key: { type: ['string', 'null'] } } };
  const clearProps = { dag_run_id: { type: ['string', 'null'] }, dry_run: { type: 'boolean' }, only_failed: { type: 'boolean' }, only_running: { type: 'boolean' }, reset_dag_runs: { type: 'boolean' }, include_downstream: { type: 'boolean' }, include_upstream: { type: 'boolean' }, include_future: { type: 'boolean' }, include_past: { type: 'boolean' }, task_ids: { type: 'array', items: { type: 'string' }, minItems: 1 } };
  const clearBody: JsonSchema = { type: 'object', additionalProperties: false, properties: apiVersion === 'v1' ? { ...clearProps, include_subdags: { type: 'boolean' }, include_parentdag: { type: 'boolean' } } : clearProps };
  const batchProps = { dag_ids: { type: 'array', items: { type: 'string' } }, dag_run_ids: { type: 'array', items: { type: 'string' } }, task_ids: { type: 'array', items: { type: 'string' } }, state: { type: 'array' } };
  const batchBody: JsonSchema =
    apiVersion === 'v1'
      ? { type: 'object', properties: batchProps }
      : { type: 'object', additionalProperties: false, properties: { ...batchProps, page_limit: { type: 'integer', minimum: 0 }, page_offset: { type: 'integer', minimum: 0 }, order_by: { type: ['string', 'null'] } } };
  let batchCap = Number.MAX_SAFE_INTEGER;
  const patchBody: JsonSchema = apiVersion === 'v1' ? { type: 'object', required: ['is_paused'], properties: { is_paused: { type: 'boolean' } } } : { type: 'object', additionalProperties: false, required: ['is_paused'], properties: { is_paused: { type: 'boolean' } } };

  const routes: UpstreamRoute[] = [
    {
      route: `GET ${p}/dags`,
      request: { query: pageQuery },
      handle: (req) => {
        const page = offsetPage([...dags.values()], req.query, { defaultLimit: apiVersion === 'v1' ? 100 : 50, maxLimit: 100 });
        return { body: { dags: page.items.map(dagBody), total_entries: page.total } };
      },
    },
    { route: `GET ${p}/dags/:dagId`, handle: (req) => (findDag(req) ? { body: dagBody(findDag(req)!) } : error(404, `The DAG with dag_id: \`${req.params.dagId}\` was not found`)) },
    {
      route: `PATCH ${p}/dags/:dagId`,
      request: { body: patchBody, query: { type: 'object', properties: { update_mask: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] } } } },
      handle: (req) => {
        const dag = findDag(req);
        if (!dag) return error(404, `The DAG with dag_id: \`${req.params.dagId}\` was not found`);
        dag.isPaused = (req.body as { is_paused: boolean }).is_paused;
        return { body: dagBody(dag) };
      },
    },
    {
      route: `GET ${p}/dags/:dagId/dagRuns`,
      request: { query: { ...pageQuery, properties: { ...pageQuery.properties, order_by: { type: 'string', enum: apiVersion === 'v1' ? ['-execution_date', 'execution_date'] : ['-run_after', 'run_after'] } } } },
      handle: (req) => {
        if (!findDag(req)) return error(404, `The DAG with dag_id: \`${req.params.dagId}\` was not found`);
        const page = offsetPage(newestFirst(req.params.dagId), req.query, { defaultLimit: apiVersion === 'v1' ? 100 : 50, maxLimit: 100 });
        return { body: { dag_runs: page.items.map(runBody), total_entries: page.total } };
      },
    },
    {
      route: `POST ${p}/dags/:dagId/dagRuns`,
      request: { body: triggerBody },
      handle: (req) => {
        const dag = findDag(req);
        if (!dag) return error(404, `DAG with dag_id: '${req.params.dagId}' not found`);
        const body = req.body as { conf?: Record<string, unknown>; dag_run_id?: string; note?: string };
        const runId = body.dag_run_id ?? `manual__${new Date(clock).toISOString()}`;
        if (runs.some((r) => r.dagId === dag.dagId && r.runId === runId)) return error(409, `DAGRun with DAG ID: '${dag.dagId}' and DAGRun ID: '${runId}' already exists`);
        const run: FakeRun = { dagId: dag.dagId, runId, state: 'queued', conf: body.conf ?? {}, note: body.note ?? null, runType: 'manual', logicalDate: tick(), startDate: null, endDate: null, tasks: dag.tasks.map((taskId) => ({ taskId, state: null, tryNumber: 0 })) };
        runs.push(run);
        return { body: runBody(run) };
      },
    },
    {
      route: `GET ${p}/dags/:dagId/dagRuns/:runId`,
      handle: (req) => {
        const run = findRun(req);
        if (!run) return error(404, `DAGRun with DAG ID: '${req.params.dagId}' and DagRun ID: '${req.params.runId}' not found`);
        advance(run);
        return { body: runBody(run) };
      },
    },
    {
      route: `GET ${p}/dags/:dagId/dagRuns/:runId/taskInstances`,
      request: { query: pageQuery },
      handle: (req) => {
        const run = findRun(req);
        if (!run) return error(404, `DagRun with run_id: \`${req.params.runId}\` was not found`);
        const page = offsetPage(run.tasks, req.query, { defaultLimit: apiVersion === 'v1' ? 100 : 50, maxLimit: 100 });
        return { body: { task_instances: page.items.map((t) => taskBody(run, t)), total_entries: page.total } };
      },
    },
    {
      route: `POST ${p}/dags/~/dagRuns/~/taskInstances/list`,
      request: { body: batchBody },
      handle: (req) => {
        const body = req.body as { dag_ids?: string[]; dag_run_ids?: string[]; page_limit?: number; page_offset?: number };
        const all = runs.filter((r) => (!body.dag_ids || body.dag_ids.includes(r.dagId)) && (!body.dag_run_ids || body.dag_run_ids.includes(r.runId))).flatMap((r) => r.tasks.map((t) => ({ run: r, t })));
        // v1 caps the batch at Airflow's page limit (100) and documents no paging; v2 pages in the body.
        const offset = apiVersion === 'v2' ? (body.page_offset ?? 0) : 0;
        const limit = Math.min(apiVersion === 'v2' ? (body.page_limit ?? 100) : 100, batchCap);
        return { body: { task_instances: all.slice(offset, offset + limit).map(({ run, t }) => taskBody(run, t)), total_entries: all.length } };
      },
    },
    {
      route: `POST ${p}/dags/:dagId/clearTaskInstances`,
      request: { body: clearBody },
      handle: (req) => {
        const dag = findDag(req);
        if (!dag) return error(404, `Dag id ${req.params.dagId} not found`);
        const body = req.body as { dag_run_id?: string; dry_run?: boolean; only_failed?: boolean };
        const run = runs.find((r) => r.dagId === dag.dagId && r.runId === body.dag_run_id);
        if (!run) return error(404, `Dag Run id ${body.dag_run_id} not found in dag ${dag.dagId}`);
        const cleared = run.tasks.filter((t) => ((body.only_failed ?? true) ? t.state === 'failed' || t.state === 'upstream_failed' : true));
        if (body.dry_run === false && cleared.length > 0) {
          for (const t of cleared) t.state = 'scheduled';
          run.state = 'running';
          run.endDate = null;
        }
        const items = cleared.map((t) => (apiVersion === 'v1' ? { task_id: t.taskId, dag_id: run.dagId, dag_run_id: run.runId, execution_date: run.logicalDate } : taskBody(run, t)));
        return { body: apiVersion === 'v1' ? { task_instances: items } : { task_instances: items, total_entries: items.length } };
      },
    },
    {
      route: `GET ${p}/dags/:dagId/dagRuns/:runId/taskInstances/:taskId/logs/:tryNumber`,
      handle: (req) => {
        const run = findRun(req);
        const task = run?.tasks.find((t) => t.taskId === req.params.taskId);
        if (!run || !task) return error(404, 'TaskInstance not found');
        const lines = [`Starting attempt ${req.params.tryNumber} of 1`, `Executing <Task(PythonOperator): ${task.taskId}>`, task.state === 'failed' ? `ERROR - Task failed with exception: ${task.taskId} broke` : `Marking task as ${String(task.state).toUpperCase()}.`];
        return { body: apiVersion === 'v1' ? { content: lines.join('\n'), continuation_token: 'eyJlbmQiOjN9' } : { content: lines.map((event, i) => ({ event, timestamp: new Date(clock + i * 1000).toISOString() })), continuation_token: null } };
      },
    },
  ];
  routes.push({
    // Airflow 3 renamed datasets to assets.
    route: apiVersion === 'v1' ? `GET ${p}/datasets` : `GET ${p}/assets`,
    request: { query: pageQuery },
    handle: (req) => {
      const page = offsetPage(datasets, req.query, { defaultLimit: apiVersion === 'v1' ? 100 : 50, maxLimit: 100 });
      const at = '2026-11-30T06:00:00Z';
      const items = page.items.map((d, i) =>
        apiVersion === 'v1'
          ? { id: i + 1, uri: d.uri, extra: {}, created_at: at, updated_at: at, producing_tasks: d.producers.map((dag_id) => ({ dag_id, task_id: 'load', created_at: at, updated_at: at })), consuming_dags: d.consumers.map((dag_id) => ({ dag_id, created_at: at, updated_at: at })) }
          : { id: i + 1, name: d.uri, uri: d.uri, group: 'asset', extra: {}, created_at: at, updated_at: at, producing_tasks: d.producers.map((dag_id) => ({ dag_id, task_id: 'load', created_at: at, updated_at: at })), consuming_tasks: [], scheduled_dags: d.consumers.map((dag_id) => ({ dag_id, created_at: at, updated_at: at })), aliases: [], watchers: [], last_asset_event: null },
      );
      return { body: { [apiVersion === 'v1' ? 'datasets' : 'assets']: items, total_entries: page.total } };
    },
  });
  if (apiVersion === 'v2') {
    routes.push({
      route: 'POST /auth/token',
      request: { body: { type: 'object', required: ['username', 'password'], properties: { username: { type: 'string' }, password: { type: 'string' } } } },
      handle: (req) => {
        const body = req.body as { username: string; password: string };
        if (body.username !== FAKE_USER || body.password !== FAKE_PASSWORD) return { status: 401, body: { detail: 'Invalid credentials' } };
        const token = `eyJhbGciOiJIUzUxMiJ9.${Buffer.from(JSON.stringify({ sub: body.username, n: ++issued })).toString('base64url')}.c2ln`;
        tokens.add(token);
        return { status: 201, body: { access_token: token } };
      },
    });
  }

  const http = await startUpstreamFake({
    name: 'Airflow',
    routes,
    errorBody: (status, message) => (apiVersion === 'v1' ? { type: 'about:blank', title: status === 400 ? 'Bad Request' : 'Error', status, detail: message } : { detail: message }),
    authenticate: (req) => {
      if (req.path === '/auth/token') return undefined;
      const auth = req.headers.authorization ?? '';
      const ok =
        apiVersion === 'v1'
          ? auth === `Basic ${Buffer.from(`${FAKE_USER}:${FAKE_PASSWORD}`).toString('base64')}` || auth === `Bearer ${FAKE_TOKEN}`
          : auth === `Bearer ${FAKE_TOKEN}` || tokens.has(auth.replace(/^Bearer /, ''));
      return ok ? undefined : apiVersion === 'v1' ? error(401, 'Unauthorized') : { status: 401, body: { detail: 'Not authenticated' } };
    },
  });

  return {
    url: http.url,
    http,
    apiVersion,
    addDag(dag) {
      dags.set(dag.dagId, { owners: ['airflow'], tags: [], description: '', schedule: null, isPaused: false, tasks: ['extract', 'transform', 'load'], ...dag });
    },
    addRun(dagId, state, conf = {}) {
      const dag = dags.get(dagId)!;
      const at = tick();
      const runId = `scheduled__${at}`;
      const failedAt = state === 'failed' ? (dag.failingTask ? dag.tasks.indexOf(dag.failingTask) : Math.max(0, dag.tasks.length - 2)) : -1;
      runs.push({
        dagId,
        runId,
        state,
        conf,
        note: null,
        runType: 'scheduled',
        logicalDate: at,
        startDate: at,
        endDate: tick(),
        tasks: dag.tasks.map((taskId, i) => ({ taskId, state: failedAt < 0 || i < failedAt ? 'success' : i === failedAt ? 'failed' : 'upstream_failed', tryNumber: 1 })),
      });
      return runId;
    },
    removeDag: (dagId) => void dags.delete(dagId),
    runsOf: (dagId) => runs.filter((r) => r.dagId === dagId),
    expireTokens: () => void (tokens = new Set()),
    fixTask: (dagId) => void (dags.get(dagId)!.failingTask = undefined),
    capBatch: (n) => void (batchCap = n),
    addDataset: (uri, producers, consumers) => void datasets.push({ uri, producers, consumers }),
    close: () => http.close(),
  };
}
