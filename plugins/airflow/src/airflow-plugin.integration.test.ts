import { join } from 'node:path';
import { eventually, startTestPortal, type TestPortal } from '@portico/test-utils';
import { FAKE_PASSWORD, FAKE_USER, startAirflowFake, type AirflowFake } from './testing/airflow-fake';
import { createTestSchema, TEST_DATABASE_URL, type TestSchema } from './testing/test-database';

// A real portal on real Redis with the software catalog and the Airflow plugin, talking to an
// Airflow 3 shaped fake (JWT auth) and changing tables of the machine's real PostgreSQL in a
// schema of this test's own: ingestion, Run DAG followed to its end, Airflow's errors, and
// table changes with dry runs and the owning team's approval.

jest.setTimeout(60_000);
const pluginsDir = join(__dirname, '..', '..');

let airflow: AirflowFake;
let db: TestSchema;
let portal: TestPortal;
let ordersId: string;

const confSchema = { type: 'object', additionalProperties: false, required: ['date'], properties: { date: { type: 'string', format: 'date' }, fullRefresh: { type: 'boolean' } } };

beforeAll(async () => {
  airflow = await startAirflowFake({ apiVersion: 'v2' });
  db = await createTestSchema();
  ordersId = `warehouse.${db.name}.orders`;
  await db.query(`CREATE TABLE ${db.name}.orders (id bigint PRIMARY KEY, amount text, note text, legacy boolean)`);
  await db.query(`INSERT INTO ${db.name}.orders VALUES (1, '10', 'a', true), (2, '20', NULL, false)`);
  airflow.addDag({ dagId: 'orders_daily', owners: ['checkout-team'], tags: ['orders', `writes:${ordersId}`], schedule: '0 6 * * *', tasks: ['extract', 'transform', 'load'] });
  airflow.addDag({ dagId: 'flaky_sync', owners: ['someone-else'], tasks: ['fetch', 'upsert'], failingTask: 'upsert' });
  airflow.addRun('orders_daily', 'success');
  // An asset Airflow's PostgreSQL provider would name: flaky_sync is scheduled on the orders table.
  airflow.addDataset(`postgres://127.0.0.1:5432/test/${db.name}/orders`, [], ['flaky_sync']);
  airflow.addRun('flaky_sync', 'failed');

  portal = await startTestPortal({
    store: 'redis',
    plugins: [
      { path: join(pluginsDir, 'software-catalog'), config: { sampleData: true } },
      {
        path: join(pluginsDir, 'airflow'),
        config: {
          instances: [{ id: 'default', baseUrl: airflow.url, apiVersion: 'v2', owner: 'catalog-team' }],
          databases: [{ id: 'warehouse', connectionSecret: 'warehouse-url', schemas: [db.name], owner: 'checkout-team' }],
          dags: [{ dagId: 'orders_daily', confSchema }],
          followIntervalMs: 0,
          syncIntervalMs: 600_000,
        },
      },
    ],
    users: {
      alice: { roles: ['developer'], permissions: ['airflow.*'], teams: ['checkout-team'] },
      bob: { roles: ['developer'], teams: ['checkout-team'] },
      carol: { roles: ['developer'], permissions: ['airflow.ddl', 'airflow.dag.run'], teams: ['catalog-team'] },
      reader: { roles: ['viewer'] },
      admin: { roles: ['admin'] },
    },
    secrets: { 'airflow-username': FAKE_USER, 'airflow-password': FAKE_PASSWORD, 'warehouse-url': TEST_DATABASE_URL },
  });
});

afterAll(async () => {
  await portal?.close();
  await airflow?.close();
  await db?.drop();
});

/** The approval step a remove-column or type-change run starts, once it waits for approval. */
async function approvalStepOf(parentId: string): Promise<string> {
  const childId = await eventually(async () => (await portal.api('GET', `/runs/${parentId}`, undefined, { as: 'alice' })).body.childRunIds?.[0] as string | undefined, `the approval step of run ${parentId}`, 60_000);
  await portal.waitForRun(childId, { statuses: ['waiting_for_approval'], as: 'alice' });
  return childId;
}

const columnsOf = async (table = 'orders') => (await db.query<{ column_name: string; data_type: string }>(`SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`, [db.name, table])).map((c) => `${c.column_name} ${c.data_type}`);

describe('ingestion', () => {
  it('brings DAGs with their recent runs and task states, their runs, the database and its tables with columns', async () => {
    const orders = await portal.waitForEntity('table', ordersId, { as: 'reader' });
    expect(orders).toMatchObject({ owner: 'checkout-team', properties: { database: 'warehouse', schema: db.name, table: 'orders' }, relations: { database: 'warehouse' } });
    expect(orders.properties.columns.map((c: { name: string; type: string; nullable: boolean }) => [c.name, c.type, c.nullable])).toEqual([['id', 'bigint', false], ['amount', 'text', true], ['note', 'text', true], ['legacy', 'boolean', true]]);
    const dag = await portal.waitForEntity('dag', 'orders_daily', { as: 'reader' });
    expect(dag).toMatchObject({ owner: 'checkout-team', properties: { dagId: 'orders_daily', schedule: '0 6 * * *', isPaused: false, lastRunState: 'success', confSchema }, relations: { instance: 'default', writes: [ordersId] } });
    expect(dag.properties.recentRuns[0].tasks).toEqual([{ taskId: 'extract', state: 'success' }, { taskId: 'transform', state: 'success' }, { taskId: 'load', state: 'success' }]);
    const flaky = await portal.waitForEntity('dag', 'flaky_sync', { as: 'reader' });
    // Its Airflow owner is no team of the portal: the instance's owner owns it.
    expect(flaky.owner).toBe('catalog-team');
    expect(flaky.relations.reads).toEqual([ordersId]);
    const runs = await portal.query({ kind: 'dag-run', filter: { combinator: 'and', rules: [{ property: 'relations.dag', operator: '=', value: 'flaky_sync' }] } }, 'reader');
    expect(runs.map((r) => [r.properties.state, r.properties.failedTasks, r.owner])).toEqual([['failed', ['upsert'], 'catalog-team']]);
    expect(airflow.http.requestsTo('POST /auth/token')).toHaveLength(1);
    expect(airflow.http.rejected).toEqual([]);
  });
});

describe('Run DAG', () => {
  it('triggers with conf, follows the run to success streaming task states, and records the run', async () => {
    const run = await portal.runAction('airflow.run-dag', { entity: { kind: 'dag', id: 'orders_daily' }, inputs: { conf: { date: '2026-12-01', fullRefresh: true } }, as: 'alice' });
    expect(run.status).toBe('succeeded');
    const [sent] = airflow.http.requestsTo('POST /api/v2/dags/:dagId/dagRuns');
    expect(sent.body).toEqual({ conf: { date: '2026-12-01', fullRefresh: true }, dag_run_id: `portico__${run.id}`, note: 'Started from Portico by user:alice', logical_date: null });
    expect(run.logs).toEqual(expect.arrayContaining([`DAG run portico__${run.id}: running`, 'task extract: running', 'task extract: success', 'task load: success', `DAG run portico__${run.id}: success`, `DAG run portico__${run.id} succeeded.`]));
    expect(run.links).toEqual([{ title: `Airflow run portico__${run.id}`, url: `${airflow.url}/dags/orders_daily/runs/portico__${run.id}` }]);
    const recorded = await portal.entity('dag-run', String(run.outputs.dagRun), 'reader');
    expect(recorded.properties).toMatchObject({ state: 'success', conf: { date: '2026-12-01', fullRefresh: true } });
    expect((await portal.entity('dag', 'orders_daily', 'reader')).properties.recentRuns[0]).toMatchObject({ runId: `portico__${run.id}`, state: 'success' });
  });

  it('refuses a conf that fails the DAG\'s schema, triggering nothing', async () => {
    const before = airflow.http.requestsTo('POST /api/v2/dags/:dagId/dagRuns').length;
    const run = await portal.runAction('airflow.run-dag', { entity: { kind: 'dag', id: 'orders_daily' }, inputs: { conf: { date: 'yesterday', extra: 1 } }, as: 'alice' });
    expect(run.status).toBe('failed');
    expect(run.error).toBe('The conf does not match the conf schema of DAG orders_daily: conf.extra is not allowed; conf.date must match format "date". Nothing was triggered.');
    expect(airflow.http.requestsTo('POST /api/v2/dags/:dagId/dagRuns')).toHaveLength(before);
  });

  it('a failing run fails the portal run with the failed task and its log; clearing it after a fix leads to success', async () => {
    const run = await portal.runAction('airflow.run-dag', { entity: { kind: 'dag', id: 'flaky_sync' }, inputs: {}, as: 'alice' });
    expect(run.status).toBe('failed');
    expect(run.error).toBe(`DAG run portico__${run.id} of flaky_sync failed: task upsert failed. See the task logs above, fix, then use "Clear failed tasks" on the run.`);
    expect(run.logs.join('\n')).toContain('ERROR - Task failed with exception: upsert broke');
    airflow.fixTask('flaky_sync');
    const cleared = await portal.runAction('airflow.clear-failed-tasks', { entity: { kind: 'dag-run', id: String((await portal.query({ kind: 'dag-run', filter: { combinator: 'and', rules: [{ property: 'runId', operator: '=', value: `portico__${run.id}` }] } }, 'reader'))[0].id) }, inputs: {}, as: 'alice' });
    expect(cleared.status).toBe('succeeded');
    expect(cleared.logs).toEqual(expect.arrayContaining([`Cleared 1 task of run portico__${run.id}: upsert`, `Run portico__${run.id} is now success.`]));
  });

  it("Airflow's 404, 401 and 409 become run failures saying what to check", async () => {
    const put = await portal.api('PUT', '/kinds/dag/entities/ghost', { kind: 'dag', id: 'ghost', title: 'ghost', properties: { dagId: 'ghost', instance: 'default', isPaused: false } }, { as: 'admin' });
    expect(put.status).toBeLessThan(300);
    const missing = await portal.runAction('airflow.run-dag', { entity: { kind: 'dag', id: 'ghost' }, inputs: {}, as: 'alice' });
    expect(missing.error).toMatch(/^Airflow "default" found nothing at POST \/api\/v2\/dags\/ghost\/dagRuns \(404\)/);
    airflow.http.failNext('PATCH /api/v2/dags/:dagId', { status: 401, body: { detail: 'Not authenticated' }, times: 2 });
    const refused = await portal.runAction('airflow.pause-dag', { entity: { kind: 'dag', id: 'orders_daily' }, as: 'alice' });
    expect(refused.error).toBe(`Airflow "default" rejected the portal's credentials (401 on PATCH /api/v2/dags/orders_daily): check the instance's username/password or token secrets. Airflow said: Not authenticated`);
    airflow.http.failNext('POST /api/v2/dags/:dagId/dagRuns', { status: 409, body: { detail: "DAG run with run_id 'x' already exists" } });
    const conflict = await portal.runAction('airflow.run-dag', { entity: { kind: 'dag', id: 'orders_daily' }, inputs: { conf: { date: '2026-12-02' } }, as: 'alice' });
    expect(conflict.error).toMatch(/^Airflow "default" refused POST \/api\/v2\/dags\/orders_daily\/dagRuns as a conflict \(409\): a run with that id already exists\. Airflow said: DAG run with run_id 'x' already exists$/);
  });

  it('pauses and unpauses, and the DAG entity follows', async () => {
    expect((await portal.runAction('airflow.pause-dag', { entity: { kind: 'dag', id: 'orders_daily' }, as: 'alice' })).status).toBe('succeeded');
    expect((await portal.entity('dag', 'orders_daily', 'reader')).properties.isPaused).toBe(true);
    expect((await portal.runAction('airflow.unpause-dag', { entity: { kind: 'dag', id: 'orders_daily' }, as: 'alice' })).status).toBe('succeeded');
    expect((await portal.entity('dag', 'orders_daily', 'reader')).properties.isPaused).toBe(false);
  });
});

describe('table changes on the real PostgreSQL', () => {
  it('a dry run of add column shows the SQL and changes nothing; the real one adds it and refreshes the Table', async () => {
    const dry = await portal.runAction('airflow.add-column', { entity: { kind: 'table', id: ordersId }, inputs: { name: 'currency', type: 'varchar(3)', nullable: false, default: 'EUR', dryRun: true }, as: 'carol' });
    expect(dry.status).toBe('succeeded');
    expect(dry.logs).toEqual(expect.arrayContaining([`SQL: ALTER TABLE "${db.name}"."orders" ADD COLUMN "currency" varchar(3) DEFAULT 'EUR' NOT NULL;`, '  2 rows get the new column', 'Dry run: every statement succeeded, then the transaction was rolled back; nothing changed.']));
    expect(await columnsOf()).not.toContain('currency character varying');
    const real = await portal.runAction('airflow.add-column', { entity: { kind: 'table', id: ordersId }, inputs: { name: 'currency', type: 'varchar(3)', nullable: false, default: 'EUR' }, as: 'carol' });
    expect(real.status).toBe('succeeded');
    expect(real.outputs.statements).toEqual([`ALTER TABLE "${db.name}"."orders" ADD COLUMN "currency" varchar(3) DEFAULT 'EUR' NOT NULL;`]);
    expect(await columnsOf()).toContain('currency character varying');
    expect((await portal.entity('table', ordersId, 'reader')).properties.columns.at(-1)).toMatchObject({ name: 'currency', type: 'character varying(3)', nullable: false });
    expect(real.affectedEntities).toEqual(expect.arrayContaining([{ kind: 'table', id: ordersId }]));
  });

  it('a column that exists, or does not, is a clear failure', async () => {
    const exists = await portal.runAction('airflow.add-column', { entity: { kind: 'table', id: ordersId }, inputs: { name: 'amount', type: 'text' }, as: 'carol' });
    expect(exists.error).toBe(`"${db.name}"."orders" already has a column "amount"; pick another name, or use "Update column" to change it.`);
    const missing = await portal.runAction('airflow.update-column', { entity: { kind: 'table', id: ordersId }, inputs: { column: 'nope', newName: 'x' }, as: 'carol' });
    expect(missing.error).toMatch(/^"[^"]+"\."orders" has no column "nope"; its columns are id, amount, note, legacy/);
  });

  it('remove column waits for the owning team, then runs and records the statement and the approver', async () => {
    const parent = await portal.startRun('airflow.remove-column', { entity: { kind: 'table', id: ordersId }, inputs: { column: 'legacy' }, as: 'alice' });
    const childId = await approvalStepOf(parent.id);
    expect(await columnsOf()).toContain('legacy boolean');
    // The requester cannot approve their own change; someone of the owning team can.
    expect((await portal.api('POST', `/runs/${childId}/approval`, { decision: 'approve' }, { as: 'alice' })).status).toBe(403);
    await portal.decide(childId, 'bob');
    const done = await portal.waitForRun(parent.id, { as: 'alice' });
    expect(done.status).toBe('succeeded');
    expect(done.outputs).toMatchObject({ statements: [`ALTER TABLE "${db.name}"."orders" DROP COLUMN "legacy";`], approvedBy: ['user:bob'] });
    expect(done.logs).toEqual(expect.arrayContaining(['This change can lose data, so team checkout-team must approve it. Once approved it runs:', 'Approved by user:bob and applied.']));
    expect(await columnsOf()).not.toContain('legacy boolean');
    expect((await portal.entity('table', ordersId, 'reader')).properties.columns.map((c: { name: string }) => c.name)).not.toContain('legacy');
  });

  it('a declined type change leaves the table as it was', async () => {
    const parent = await portal.startRun('airflow.update-column', { entity: { kind: 'table', id: ordersId }, inputs: { column: 'amount', type: 'integer', using: 'amount::integer' }, as: 'alice' });
    const childId = await approvalStepOf(parent.id);
    await portal.decide(childId, 'bob', 'decline', 'not before the release');
    const done = await portal.waitForRun(parent.id, { as: 'alice' });
    expect(done.error).toBe('The change was declined by user:bob (not before the release); nothing was changed.');
    expect(await columnsOf()).toContain('amount text');
  });

  it('an approved type change converts the values with its USING expression; a conversion that fails leaves the table as it was', async () => {
    const parent = await portal.startRun('airflow.update-column', { entity: { kind: 'table', id: ordersId }, inputs: { column: 'amount', type: 'numeric(10,2)', using: 'amount::numeric' }, as: 'alice' });
    await portal.decide(await approvalStepOf(parent.id), 'bob');
    const done = await portal.waitForRun(parent.id, { as: 'alice' });
    expect(done.status).toBe('succeeded');
    expect(await columnsOf()).toContain('amount numeric');
    expect(await db.query(`SELECT amount::text AS a FROM ${db.name}.orders ORDER BY id`)).toEqual([{ a: '10.00' }, { a: '20.00' }]);

    const failing = await portal.startRun('airflow.update-column', { entity: { kind: 'table', id: ordersId }, inputs: { column: 'note', type: 'integer', using: 'note::integer' }, as: 'alice' });
    await portal.decide(await approvalStepOf(failing.id), 'bob');
    const failed = await portal.waitForRun(failing.id, { as: 'alice' });
    expect(failed.error).toMatch(/^The change did not apply \(failed\): PostgreSQL refused ALTER TABLE .* invalid input syntax for type integer: "a" \(SQLSTATE 22P02\)\. The transaction was rolled back: the table is unchanged\.$/);
    expect(await columnsOf()).toContain('note text');
  });

  it('a type change needs the destructive permission on top of airflow.ddl', async () => {
    const run = await portal.runAction('airflow.update-column', { entity: { kind: 'table', id: ordersId }, inputs: { column: 'note', type: 'varchar(10)' }, as: 'carol' });
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/airflow\.ddl\.destructive/);
    expect(await columnsOf()).toContain('note text');
  });

  it('the approval step refuses to run when started directly', async () => {
    const run = await portal.runAction('airflow.apply-approved-change', { entity: { kind: 'table', id: ordersId }, inputs: { change: { op: 'remove-column', column: 'note' } }, as: 'alice' });
    expect(run.error).toBe('This step applies only changes requested through "Remove column" or "Update column" and approved by team checkout-team; start one of those instead.');
    expect(await columnsOf()).toContain('note text');
  });

  it('a hostile column name is quoted and harmless', async () => {
    const run = await portal.runAction('airflow.add-column', { entity: { kind: 'table', id: ordersId }, inputs: { name: 'a"; drop table x; --', type: 'text' }, as: 'carol' });
    expect(run.status).toBe('succeeded');
    expect(run.logs).toContain(`SQL: ALTER TABLE "${db.name}"."orders" ADD COLUMN "a""; drop table x; --" text;`);
    expect(await columnsOf()).toContain('a"; drop table x; -- text');
  });

  it('duplicates the table with its rows and catalogs the copy', async () => {
    const run = await portal.runAction('airflow.duplicate-table', { entity: { kind: 'table', id: ordersId }, inputs: { newName: 'orders_copy', withData: true }, as: 'carol' });
    expect(run.status).toBe('succeeded');
    expect(await db.query(`SELECT count(*)::int AS n FROM ${db.name}.orders_copy`)).toEqual([{ n: 2 }]);
    expect((await portal.entity('table', `warehouse.${db.name}.orders_copy`, 'reader')).properties.columns.map((c: { name: string }) => c.name)).toEqual(['id', 'amount', 'note', 'currency', 'a"; drop table x; --']);
  });

  it('an unreachable PostgreSQL is a clear run failure', async () => {
    const other = await startTestPortal({
      plugins: [
        { path: join(pluginsDir, 'software-catalog'), config: { sampleData: true } },
        { path: join(pluginsDir, 'airflow'), config: { databases: [{ id: 'warehouse', connectionSecret: 'warehouse-url' }], syncIntervalMs: 600_000 } },
      ],
      users: { carol: { roles: ['developer'], permissions: ['airflow.*'] }, admin: { roles: ['admin'] } },
      secrets: { 'warehouse-url': 'postgres://postgres@127.0.0.1:9/test' },
    });
    try {
      // What an earlier sync would have left: the database and a table of it.
      expect((await other.api('PUT', '/kinds/database/entities/warehouse', { kind: 'database', id: 'warehouse', title: 'warehouse', properties: { engine: 'postgresql' } }, { as: 'admin' })).status).toBeLessThan(300);
      const put = await other.api('PUT', '/kinds/table/entities/warehouse.public.t', { kind: 'table', id: 'warehouse.public.t', title: 't', properties: { database: 'warehouse', schema: 'public', table: 't', columns: [] }, relations: { database: 'warehouse' } }, { as: 'admin' });
      expect(put.status).toBeLessThan(300);
      const run = await other.runAction('airflow.add-column', { entity: { kind: 'table', id: 'warehouse.public.t' }, inputs: { name: 'c', type: 'text' }, as: 'carol' });
      expect(run.error).toMatch(/^Could not connect to database "warehouse" at 127\.0\.0\.1:9: .*Check that PostgreSQL is up/);
    } finally {
      await other.close();
    }
  });
});
