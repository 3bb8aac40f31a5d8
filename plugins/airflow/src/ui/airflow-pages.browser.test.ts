import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { auditedScreenshot, ensureBuilt, expectFitsWidth, launchBrowser, openPage, startTestPortal, type TestPortal } from '@portico/test-utils';

// The demo setup in a real browser (Airflow simulated in-process, tables on the embedded
// sample database, catalog and runs on real Redis): a DAG's page shows its run grid and runs
// through the Run DAG form; a Table's page shows its columns and "Add column" runs through its
// form; Home lists the failed runs of my teams' DAGs.

jest.setTimeout(240_000);
const pluginsDir = join(__dirname, '..', '..', '..');
const repoRoot = join(pluginsDir, '..');
const screenshots = join(pluginsDir, 'airflow', 'test-results', 'screenshots');
let portal: TestPortal;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const shot = (name: string, on: Page = page): Promise<void> => auditedScreenshot(on, screenshots, name);

async function waitForRunToSucceed(name: string): Promise<void> {
  await page.waitForURL(/\/runs\/[^/]+$/);
  await page.locator('[data-status="succeeded"]').waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
    await shot(`${name}-failed`);
    throw error;
  });
}

beforeAll(async () => {
  ensureBuilt(join(repoRoot, 'core', 'ui'), join('dist', 'app', 'manifest.json'), ['src', join('..', 'ui-api', 'src')]);
  ensureBuilt(join(pluginsDir, 'software-catalog'));
  ensureBuilt(join(pluginsDir, 'airflow'));
  portal = await startTestPortal({
    store: 'redis',
    ui: true,
    plugins: [
      { path: join(pluginsDir, 'software-catalog'), config: { sampleData: true } },
      { path: join(pluginsDir, 'airflow'), config: { simulated: true, followIntervalMs: 50 } },
    ],
    users: { carol: { roles: ['developer'], permissions: ['airflow.*'], teams: ['catalog-team'] } },
  });
  // The embedded database (PostgreSQL in WebAssembly) compiles first, and the DAG sync waits for its tables: slow on a busy machine.
  await portal.waitForEntity('table', 'demo.sales.orders', { as: 'carol', timeoutMs: 90_000 });
  await portal.waitForEntity('dag', 'orders_daily_load', { as: 'carol', timeoutMs: 30_000 });
  browser = await launchBrowser();
  page = await openPage(browser, pageErrors, { token: portal.tokenOf('carol') });
});

afterAll(async () => {
  await browser?.close();
  await portal?.close();
});

test("a DAG's page shows its recent runs as a grid of task states", async () => {
  await page.goto(`${portal.url}/catalog/dag/products_catalog_sync`);
  await page.getByRole('heading', { name: 'Products catalog sync', level: 1 }).waitFor();
  const grid = page.getByTestId('dag-run-grid');
  await grid.waitFor();
  expect(await grid.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-task')))).toEqual(['fetch_products', 'upsert_products', 'refresh_search_index']);
  const lastRow = grid.locator('tbody tr[data-task="refresh_search_index"] [role="img"]');
  expect(await lastRow.evaluateAll((cells) => cells.map((c) => c.getAttribute('data-state')))).toEqual(['failed', 'success', 'failed', 'success', 'failed']);
  await grid.getByRole('img', { name: /^refresh_search_index in run scheduled__.*: failed$/ }).first().waitFor();
  await shot('airflow-01-dag-grid');
  expect(pageErrors).toEqual([]);
});

test('"Run DAG" runs through its form with the conf the DAG\'s schema asks for, and the run reaches success', async () => {
  await page.goto(`${portal.url}/self-service/airflow.run-dag?entity=dag%3Aorders_daily_load`);
  const conf = page.getByTestId('dag-conf-form');
  await conf.waitFor();
  await conf.getByLabel('Day to load').fill('2026-12-01');
  await shot('airflow-02-run-dag-form');
  await page.getByRole('button', { name: 'Run' }).click();
  await waitForRunToSucceed('airflow-03-run-dag');
  const log = page.getByRole('log', { name: 'Run log' });
  await log.getByText('task load_orders: success').waitFor();
  await log.getByText(/Triggered DAG orders_daily_load .*conf \{"date":"2026-12-01"\}/).waitFor();
  await log.getByText('this run changes nothing real', { exact: false }).waitFor();
  await shot('airflow-03-run-dag');
  await page.goto(`${portal.url}/catalog/dag/orders_daily_load`);
  const newest = page.getByTestId('dag-run-grid').locator('thead [role="img"]').last();
  await newest.waitFor();
  expect(await newest.getAttribute('aria-label')).toMatch(/^Run portico__.*: success$/);
  expect(pageErrors).toEqual([]);
});

test("a Table's page shows its columns, and \"Add column\" runs through its form on the embedded sample", async () => {
  await page.goto(`${portal.url}/catalog/table/demo.sales.orders`);
  const schema = page.getByTestId('table-schema');
  await schema.waitFor();
  expect(await schema.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-column')))).toEqual(['id', 'cart_id', 'amount', 'currency', 'placed_at', 'legacy_flag']);
  await schema.getByRole('rowheader', { name: 'currency' }).waitFor();
  await shot('airflow-04-table');

  await page.goto(`${portal.url}/self-service/airflow.add-column?entity=table%3Ademo.sales.orders`);
  await page.locator('#root_name').fill('sales_channel');
  await page.locator('#root_type').fill('varchar(20)');
  await page.locator('#root_default').fill('web');
  await shot('airflow-05-add-column-form');
  await page.getByRole('button', { name: 'Run' }).click();
  await waitForRunToSucceed('airflow-06-add-column');
  const log = page.getByRole('log', { name: 'Run log' });
  await log.getByText(`SQL: ALTER TABLE "sales"."orders" ADD COLUMN "sales_channel" varchar(20) DEFAULT 'web';`).waitFor();
  await log.getByText('EMBEDDED SAMPLE', { exact: false }).waitFor();
  await shot('airflow-06-add-column');

  await page.goto(`${portal.url}/catalog/table/demo.sales.orders`);
  await page.getByTestId('table-schema').getByRole('rowheader', { name: 'sales_channel' }).waitFor();
  expect(pageErrors).toEqual([]);
});

test("Home lists the failed runs of my teams' DAGs", async () => {
  await page.goto(portal.url);
  const failed = page.getByTestId('failed-dag-runs');
  await failed.getByRole('link', { name: 'products_catalog_sync' }).first().waitFor();
  expect(await failed.locator('li').count()).toBe(3);
  await shot('airflow-07-home');
  expect(pageErrors).toEqual([]);
});

test('on a phone, in the dark theme, the grid and the columns fit and pass the audit', async () => {
  const phone = await openPage(browser, pageErrors, { viewport: { width: 360, height: 800 }, colorScheme: 'dark', token: portal.tokenOf('carol') });
  await phone.goto(`${portal.url}/catalog/dag/products_catalog_sync`);
  await phone.getByTestId('dag-run-grid').waitFor();
  await expectFitsWidth(phone);
  await shot('airflow-08-phone-grid', phone);
  await phone.goto(`${portal.url}/catalog/table/demo.sales.orders`);
  await phone.getByTestId('table-schema').waitFor();
  await expectFitsWidth(phone);
  await shot('airflow-09-phone-table', phone);
  await phone.context().close();
  expect(pageErrors).toEqual([]);
});
