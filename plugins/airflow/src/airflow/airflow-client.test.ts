import { FAKE_PASSWORD, FAKE_TOKEN, FAKE_USER, startAirflowFake, type AirflowFake } from '../testing/airflow-fake';
import { AirflowApiError } from './airflow-api-error';
import { AirflowClient, type AirflowCredentials } from './airflow-client';

// The client against an Airflow-shaped fake of each API version: what it sends (auth,
// pagination, bodies) and how Airflow's answers (pages, problem+json and {detail} errors) come back.

describe.each(['v1', 'v2'] as const)('AirflowClient on REST API %s', (apiVersion) => {
  let airflow: AirflowFake;
  let client: AirflowClient;
  const credentials: AirflowCredentials = apiVersion === 'v1' ? { type: 'basic', username: FAKE_USER, password: FAKE_PASSWORD } : { type: 'jwt', username: FAKE_USER, password: FAKE_PASSWORD };
  const p = `/api/${apiVersion}`;

  beforeAll(async () => {
    airflow = await startAirflowFake({ apiVersion });
    for (let i = 0; i < 7; i++) airflow.addDag({ dagId: `dag_${i}`, owners: ['data-team'], tags: ['orders', `t${i}`], schedule: i % 2 ? '0 6 * * *' : null });
    airflow.addDag({ dagId: 'orders_daily', tasks: ['extract', 'load'], schedule: '@daily' });
    client = new AirflowClient({ instance: 'main', baseUrl: airflow.url, apiVersion, credentials: async () => credentials, pageSize: 3 });
  });
  beforeEach(() => airflow.http.reset());
  afterAll(() => airflow.close());

  test('lists follow offset/limit until total_entries, and DAGs read the same whichever version answered', async () => {
    const dags = await client.listDags();
    expect(dags.map((d) => d.dagId)).toEqual(['dag_0', 'dag_1', 'dag_2', 'dag_3', 'dag_4', 'dag_5', 'dag_6', 'orders_daily']);
    expect(airflow.http.requestsTo(`GET ${p}/dags`).map((r) => [r.query.offset, r.query.limit])).toEqual([['0', '3'], ['3', '3'], ['6', '3']]);
    expect(dags[1]).toEqual({ dagId: 'dag_1', displayName: 'dag_1', description: '', owners: ['data-team'], tags: ['orders', 't1'], isPaused: false, schedule: '0 6 * * *', nextRunAt: expect.stringMatching(/^2026-12-04T06:00:00/), fileloc: '/opt/airflow/dags/dag_1.py' });
    expect(dags[0].schedule).toBe(apiVersion === 'v1' ? 'Never, external triggers only' : null);
    expect(airflow.http.rejected).toEqual([]);
  });

  test(apiVersion === 'v1' ? 'sends basic auth on every request' : 'gets a JWT from /auth/token once, and renews it when Airflow refuses it', async () => {
    const fresh = new AirflowClient({ instance: 'main', baseUrl: airflow.url, apiVersion, credentials: async () => credentials });
    await fresh.getDag('dag_1');
    await fresh.getDag('dag_2');
    if (apiVersion === 'v1') {
      expect(airflow.http.requestsTo(`GET ${p}/dags/:dagId`).map((r) => r.headers.authorization)).toEqual([`Basic ${Buffer.from(`${FAKE_USER}:${FAKE_PASSWORD}`).toString('base64')}`, expect.stringMatching(/^Basic /)]);
      return;
    }
    expect(airflow.http.requestsTo('POST /auth/token').map((r) => r.body)).toEqual([{ username: FAKE_USER, password: FAKE_PASSWORD }]);
    airflow.expireTokens();
    expect((await fresh.getDag('dag_3')).dagId).toBe('dag_3');
    expect(airflow.http.requestsTo('POST /auth/token')).toHaveLength(2);
    expect(airflow.http.requestsTo(`GET ${p}/dags/:dagId`).map((r) => r.headers.authorization?.slice(0, 7))).toEqual(['Bearer ', 'Bearer ', 'Bearer ', 'Bearer ']);
  });

  test('a bearer token is sent as it is', async () => {
    const bearer = new AirflowClient({ instance: 'main', baseUrl: airflow.url, apiVersion, credentials: async () => ({ type: 'bearer', token: FAKE_TOKEN }) });
    expect((await bearer.getDag('dag_0')).dagId).toBe('dag_0');
    expect(airflow.http.requestsTo(`GET ${p}/dags/:dagId`)[0].headers.authorization).toBe(`Bearer ${FAKE_TOKEN}`);
  });

  test('triggers a run with conf and our run id, follows it to success, and reads its tasks and logs', async () => {
    const run = await client.triggerDagRun('orders_daily', { conf: { day: '2026-12-01', full: true }, runId: 'portico__r1', note: 'from Portico' });
    expect(run).toMatchObject({ dagId: 'orders_daily', runId: 'portico__r1', state: 'queued', conf: { day: '2026-12-01', full: true } });
    const [sent] = airflow.http.requestsTo(`POST ${p}/dags/:dagId/dagRuns`);
    expect(sent.body).toEqual({ conf: { day: '2026-12-01', full: true }, dag_run_id: 'portico__r1', note: 'from Portico', ...(apiVersion === 'v2' ? { logical_date: null } : {}) });
    const states: string[] = [];
    for (let i = 0; i < 10 && !['success', 'failed'].includes(states.at(-1) ?? ''); i++) states.push((await client.getDagRun('orders_daily', 'portico__r1')).state);
    expect(states.at(-1)).toBe('success');
    expect((await client.listTaskInstances('orders_daily', 'portico__r1')).map((t) => [t.taskId, t.state, t.tryNumber])).toEqual([['extract', 'success', 1], ['load', 'success', 1]]);
    expect(await client.getTaskLog('orders_daily', 'portico__r1', 'load', 1)).toContain('Marking task as SUCCESS.');
    expect((await client.listDagRuns('orders_daily', 5)).map((r) => r.runId)).toEqual(['portico__r1']);
    expect(airflow.http.requestsTo(`GET ${p}/dags/:dagId/dagRuns`)[0].query).toMatchObject({ limit: '5', order_by: apiVersion === 'v1' ? '-execution_date' : '-run_after' });
    expect(airflow.http.rejected).toEqual([]);
  });

  test('reads the tasks of several runs in one batch request, and copes with a batch cut short', async () => {
    airflow.addDag({ dagId: 'batched', tasks: ['a', 'b'] });
    const first = airflow.addRun('batched', 'success');
    const second = airflow.addRun('batched', 'failed');
    const states = (map: Map<string, Array<{ taskId: string; state: unknown }>>) => [...map].map(([run, tasks]) => [run, tasks.map((t) => `${t.taskId}:${t.state}`)]);
    const expected = [[first, ['a:success', 'b:success']], [second, ['a:failed', 'b:upstream_failed']]];
    expect(states(await client.listTaskInstancesOfRuns('batched', [first, second]))).toEqual(expected);
    const batches = airflow.http.requestsTo(`POST ${p}/dags/~/dagRuns/~/taskInstances/list`);
    expect(batches[0].body).toEqual({ dag_ids: ['batched'], dag_run_ids: [first, second], ...(apiVersion === 'v2' ? { page_limit: 3, page_offset: 0 } : {}) });
    // v2 pages through the batch (4 tasks, pages of 3); v1 answers in one.
    expect(batches).toHaveLength(apiVersion === 'v2' ? 2 : 1);
    airflow.http.reset();
    airflow.capBatch(3);
    try {
      expect(states(await client.listTaskInstancesOfRuns('batched', [first, second]))).toEqual(expected);
      // Cut short, v1 reads the runs one by one; v2 just pages.
      expect(airflow.http.requestsTo(`GET ${p}/dags/:dagId/dagRuns/:runId/taskInstances`)).toHaveLength(apiVersion === 'v1' ? 2 : 0);
    } finally {
      airflow.capBatch(Number.MAX_SAFE_INTEGER);
    }
    expect(airflow.http.rejected).toEqual([]);
  });

  test(`lists ${apiVersion === 'v1' ? 'datasets' : 'assets'} with the DAGs producing and consuming each`, async () => {
    airflow.addDataset('postgres://db.internal:5432/warehouse/sales/orders', ['orders_daily'], ['dag_1', 'dag_2']);
    expect(await client.listDatasets()).toEqual([{ uri: 'postgres://db.internal:5432/warehouse/sales/orders', producers: ['orders_daily'], consumers: ['dag_1', 'dag_2'] }]);
    expect(airflow.http.requestsTo(`GET ${p}/${apiVersion === 'v1' ? 'datasets' : 'assets'}`)).toHaveLength(1);
  });

  test('pauses and unpauses with the documented PATCH body', async () => {
    expect((await client.setPaused('dag_4', true)).isPaused).toBe(true);
    expect((await client.setPaused('dag_4', false)).isPaused).toBe(false);
    expect(airflow.http.requestsTo(`PATCH ${p}/dags/:dagId`).map((r) => [r.body, r.query.update_mask])).toEqual([[{ is_paused: true }, 'is_paused'], [{ is_paused: false }, 'is_paused']]);
  });

  test('clears only the failed tasks of a run, dry run first', async () => {
    airflow.addDag({ dagId: 'flaky', tasks: ['a', 'b', 'c'] });
    const runId = airflow.addRun('flaky', 'failed');
    expect(await client.clearFailedTasks('flaky', runId, true)).toEqual(['b', 'c']);
    expect(airflow.runsOf('flaky')[0].state).toBe('failed');
    expect(await client.clearFailedTasks('flaky', runId, false)).toEqual(['b', 'c']);
    expect(airflow.runsOf('flaky')[0].state).toBe('running');
    expect(airflow.http.requestsTo(`POST ${p}/dags/:dagId/clearTaskInstances`)[1].body).toEqual({ dag_run_id: runId, dry_run: false, only_failed: true, reset_dag_runs: true });
  });

  test("Airflow's errors become an AirflowApiError naming the request, the status and Airflow's words", async () => {
    const missing = (await client.getDag('nope').catch((e: unknown) => e)) as AirflowApiError;
    expect(missing).toBeInstanceOf(AirflowApiError);
    expect(missing).toMatchObject({ status: 404, request: `GET ${p}/dags/nope` });
    expect(missing.message).toBe(`Airflow "main" found nothing at GET ${p}/dags/nope (404): the DAG, run or task does not exist there (or is not parsed yet). Airflow said: ${apiVersion === 'v1' ? 'Not Found: ' : ''}The DAG with dag_id: \`nope\` was not found`);

    await client.triggerDagRun('dag_5', { conf: {}, runId: 'twice' });
    await expect(client.triggerDagRun('dag_5', { conf: {}, runId: 'twice' })).rejects.toThrow(/\(409\).*already exists/s);

    const wrong = new AirflowClient({ instance: 'main', baseUrl: airflow.url, apiVersion, credentials: async () => ({ ...credentials, password: 'wrong' }) as AirflowCredentials });
    await expect(wrong.listDags()).rejects.toThrow(`Airflow "main" rejected the portal's credentials (401 on ${apiVersion === 'v1' ? `GET ${p}/dags` : 'POST /auth/token'})`);

    airflow.http.failNext(`GET ${p}/dags/:dagId`, { status: 422, body: { detail: [{ loc: ['path', 'dag_id'], msg: 'String should have at most 250 characters', type: 'string_too_long' }] } });
    await expect(client.getDag('x')).rejects.toThrow('refused GET /api/' + apiVersion + '/dags/x as invalid (422). Airflow said: path.dag_id: String should have at most 250 characters');

    const down = new AirflowClient({ instance: 'main', baseUrl: 'http://127.0.0.1:9', apiVersion, credentials: async () => credentials });
    await expect(down.listDags()).rejects.toThrow(/^Could not reach Airflow "main" at http:\/\/127.0.0.1:9/);
  });
});
