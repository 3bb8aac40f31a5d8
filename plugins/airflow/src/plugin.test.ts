import { join } from 'node:path';
import type { ActionDefinition } from '@portico/plugin-api';
import { SchemaValidator } from '@portico/http';
import { eventually, startTestPortal, type TestPortal } from '@portico/test-utils';
import packageJson from '../package.json';
import { airflowConfigSchema } from './config/airflow-config';
import { dagEntityId } from './ingestion/entity-ids';
import plugin from './index';
import { FAKE_PASSWORD, FAKE_USER, startAirflowFake } from './testing/airflow-fake';

// The plugin as a portal loads it: a real portal on the embedded store, with the software
// catalog it depends on, and each case's config.

jest.setTimeout(180_000);
const pluginsDir = join(__dirname, '..', '..');

async function withPortal(config: Record<string, unknown>, test: (portal: TestPortal) => Promise<void>): Promise<void> {
  const portal = await startTestPortal({
    plugins: [{ path: join(pluginsDir, 'software-catalog'), config: { sampleData: true } }, { path: join(pluginsDir, 'airflow'), config }],
    users: { reader: { roles: ['viewer'] }, alice: { roles: ['developer'], permissions: ['airflow.*'], teams: ['checkout-team'] }, bob: { roles: ['developer'], permissions: ['airflow.*'], teams: ['checkout-team'] } },
  });
  try {
    await test(portal);
  } finally {
    await portal.close();
  }
}

const record = (portal: TestPortal) => portal.portal.plugins.find((p) => p.id === 'airflow')!;

describe('airflow plugin', () => {
  it('registers exactly what its manifest declares, with valid input schemas and a permission on every action', async () => {
    await withPortal({ syncIntervalMs: 60_000 }, async (portal) => {
      const { contributions, providers } = record(portal);
      expect(contributions.kinds.sort()).toEqual([...packageJson.portico.kinds].sort());
      expect(contributions.actions.sort()).toEqual([...packageJson.portico.actions].sort());
      expect(contributions.widgets.map((w) => w.id).sort()).toEqual([...packageJson.portico.widgets].sort());
      expect(providers.map((p) => [p.id, p.everyMs])).toEqual([['airflow.tables', 60_000], ['airflow.dags', 60_000]]);
      const res = await portal.api<{ items: Array<ActionDefinition> }>('GET', '/actions', undefined, { as: 'reader' });
      const actions = res.body.items.filter((a) => a.id.startsWith('airflow.'));
      const validator = new SchemaValidator();
      for (const action of actions) expect(validator.checkSchema(action.inputSchema)).toEqual([]);
      expect(Object.fromEntries(actions.map((a) => [a.id, a.permission ?? null]))).toEqual({
        'airflow.run-dag': 'airflow.dag.run',
        'airflow.pause-dag': 'airflow.dag.manage',
        'airflow.unpause-dag': 'airflow.dag.manage',
        'airflow.clear-failed-tasks': 'airflow.dag.manage',
        'airflow.add-column': 'airflow.ddl',
        'airflow.update-column': 'airflow.ddl',
        'airflow.remove-column': 'airflow.ddl.destructive',
        'airflow.duplicate-table': 'airflow.ddl',
        'airflow.apply-approved-change': 'airflow.ddl.destructive',
      });
    });
    expect(packageJson.portico.id).toBe(plugin.id);
  });

  it('config schema refuses a malformed instance and accepts v1 and v2 ones', () => {
    const validator = new SchemaValidator();
    expect(() => validator.assert(airflowConfigSchema, { instances: [{ id: 'Bad Id', baseUrl: 'http://x' }] }, 'config')).toThrow('/instances/0/id');
    expect(() => validator.assert(airflowConfigSchema, { instances: [{ id: 'a', baseUrl: 'http://x', apiVersion: 'v3' }] }, 'config')).toThrow('/instances/0/apiVersion');
    expect(() => validator.assert(airflowConfigSchema, { instances: [{ id: 'default', baseUrl: 'https://airflow2.example.com' }, { id: 'next', baseUrl: 'https://airflow3.example.com', apiVersion: 'v2', auth: 'jwt' }] }, 'config')).not.toThrow();
  });

  it('without credentials or a connection string, the sync says which secret to set, and the portal still runs', async () => {
    await withPortal({ instances: [{ id: 'default', baseUrl: 'http://127.0.0.1:9' }], databases: [{ id: 'warehouse', connectionSecret: 'warehouse-url' }] }, async (portal) => {
      const said = (text: string) => eventually(async () => portal.logs.find((l) => l.message.includes(text)), `a log line with "${text}"`, 60_000);
      expect((await said('database "warehouse" failed')).message).toContain('set the secret "warehouse-url"');
      expect((await said('instance "default" failed')).message).toContain('set the secret "airflow-username"');
      expect((await portal.api('GET', '/kinds/dag', undefined, { as: 'reader' })).status).toBe(200);
    });
  });

  it('syncs an Airflow 2 instance over REST API v1 with basic auth', async () => {
    const airflow = await startAirflowFake({ apiVersion: 'v1' });
    airflow.addDag({ dagId: 'Nightly_Export', owners: ['catalog-team'], tags: ['exports'], schedule: '0 2 * * *', isPaused: true });
    airflow.addRun('Nightly_Export', 'failed');
    try {
      const portal = await startTestPortal({
        plugins: [{ path: join(pluginsDir, 'software-catalog'), config: { sampleData: true } }, { path: join(pluginsDir, 'airflow'), config: { instances: [{ id: 'legacy', baseUrl: airflow.url }] } }],
        users: { reader: { roles: ['viewer'] } },
        secrets: { 'airflow-legacy-username': FAKE_USER, 'airflow-legacy-password': FAKE_PASSWORD },
      });
      try {
        const id = dagEntityId('legacy', 'Nightly_Export');
        expect(id).toMatch(/^legacy\.nightly_export-[0-9a-f]{8}$/);
        const dag = await portal.waitForEntity('dag', id, { as: 'reader' });
        expect(dag).toMatchObject({ title: 'Nightly_Export', owner: 'catalog-team', properties: { dagId: 'Nightly_Export', instance: 'legacy', isPaused: true, schedule: '0 2 * * *', lastRunState: 'failed' }, relations: { instance: 'legacy' } });
        expect(airflow.http.requestsTo('GET /api/v1/dags')[0].headers.authorization).toBe(`Basic ${Buffer.from(`${FAKE_USER}:${FAKE_PASSWORD}`).toString('base64')}`);
        expect(airflow.http.rejected).toEqual([]);
      } finally {
        await portal.close();
      }
    } finally {
      await airflow.close();
    }
  });

  it('simulated, the example organisation has DAGs with recent runs and tables; a run reaches success and a column is added to the embedded sample only', async () => {
    await withPortal({ simulated: true, followIntervalMs: 0 }, async (portal) => {
      // The embedded database (PostgreSQL in WebAssembly) compiles first, and the DAG sync waits for its tables: slow on a busy machine.
      await portal.waitForEntity('table', 'demo.sales.orders', { as: 'reader', timeoutMs: 90_000 });
      const dag = await portal.waitForEntity('dag', 'orders_daily_load', { as: 'reader', timeoutMs: 30_000 });
      expect(dag).toMatchObject({ owner: 'checkout-team', properties: { schedule: '0 6 * * *', isPaused: false, lastRunState: 'success' }, relations: { instance: 'default', reads: ['demo.sales.carts'], writes: ['demo.sales.orders'] } });
      expect(dag.properties.recentRuns).toHaveLength(5);
      const orders = await portal.waitForEntity('table', 'demo.sales.orders', { as: 'reader' });
      expect(orders.properties.columns.map((c: { name: string }) => c.name)).toEqual(['id', 'cart_id', 'amount', 'currency', 'placed_at', 'legacy_flag']);
      expect(orders.properties).toMatchObject({ simulated: true, rowEstimate: 25 });

      const run = await portal.runAction('airflow.run-dag', { entity: { kind: 'dag', id: 'orders_daily_load' }, inputs: { conf: { date: '2026-12-01' } }, as: 'alice' });
      expect(run.status).toBe('succeeded');
      expect(run.logs).toContain('Airflow is SIMULATED in this portal (airflow.simulated: true): this run changes nothing real.');
      expect(run.logs).toEqual(expect.arrayContaining(['task extract_orders: running', 'task load_orders: success']));

      const added = await portal.runAction('airflow.add-column', { entity: { kind: 'table', id: 'demo.sales.orders' }, inputs: { name: 'channel', type: 'text' }, as: 'alice' });
      expect(added.status).toBe('succeeded');
      expect(added.logs).toContain('This database is the EMBEDDED SAMPLE of the demo (airflow.simulated: true): this change runs against it only, never against a real database.');
      expect(added.logs).toContain('SQL: ALTER TABLE "sales"."orders" ADD COLUMN "channel" text;');
      expect((await portal.entity('table', 'demo.sales.orders', 'reader')).properties.columns.at(-1)).toMatchObject({ name: 'channel', type: 'text', nullable: true });
    });
  });
});
