import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { auditedScreenshot, ensureBuilt, launchBrowser, openPage, startTestPortal, type TestPortal } from '@portico/test-utils';

// The demo setup in a real browser (billing and tenants simulated, catalog and runs on real
// Redis): the home chart, and "Change configuration" run from a Customer page's form with its
// diff shown before submitting and kept on the run.

jest.setTimeout(120_000);
const repoRoot = join(__dirname, '..', '..', '..', '..');
let portal: TestPortal;
let browser: Browser;
let page: Page;
const errors: string[] = [];
const screenshots = join(repoRoot, 'plugins', 'backoffice', 'test-results', 'screenshots');

const shot = (name: string): Promise<void> => auditedScreenshot(page, screenshots, name);

beforeAll(async () => {
  ensureBuilt(join(repoRoot, 'core', 'ui'), join('dist', 'app', 'manifest.json'), ['src', join('..', 'ui-api', 'src')]);
  ensureBuilt(join(repoRoot, 'plugins', 'backoffice'));
  portal = await startTestPortal({
    plugins: [{ path: join(repoRoot, 'plugins', 'backoffice'), config: { simulated: true } }],
    store: 'redis',
    ui: true,
    users: { support: { roles: ['developer'], permissions: ['backoffice.*'] } },
  });
  await portal.waitForEntity('customer', 'acme', { as: 'support' });
  browser = await launchBrowser();
  page = await openPage(browser, errors, { token: portal.tokenOf('support') });
});

afterAll(async () => {
  await browser?.close();
  await portal?.close();
});

test('home charts the customers per plan', async () => {
  await page.goto(portal.url);
  const chart = page.getByTestId('customers-per-plan');
  await chart.waitFor();
  expect(await chart.getAttribute('data-counts')).toBe('Starter:2,Team:2,Enterprise:2');
  expect(await chart.locator('svg').count()).toBeGreaterThan(0);
  await shot('backoffice-01-home');
  expect(errors).toEqual([]);
});

test('a Customer page changes the configuration through its form, showing the diff before submitting', async () => {
  await page.goto(`${portal.url}/catalog/customer/globex`);
  const card = page.getByRole('region', { name: 'Customer' });
  await card.getByTestId('customer-configuration').getByText('seats').waitFor();
  await card.getByRole('button', { name: 'Change configuration' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change configuration of Globex' });
  await dialog.locator('#configuration-seats').fill('35');
  await dialog.locator('#configuration-ssoEnabled').uncheck();
  await dialog.getByTestId('configuration-diff').getByText('~ seats: 20 → 35').waitFor();
  expect(await dialog.getByTestId('configuration-diff').innerText()).toBe('~ seats: 20 → 35\n~ ssoEnabled: true → false');
  await shot('backoffice-02-change-configuration');
  await dialog.getByRole('button', { name: 'Submit 2 changes' }).click();

  await page.waitForURL(/\/runs\/[^/]+$/);
  await page.locator('[data-status="succeeded"]').first().waitFor({ timeout: 30_000 });
  const log = page.getByRole('log', { name: 'Run log' });
  await log.getByText('~ seats: 20 → 35').waitFor();
  const runId = page.url().split('/runs/')[1];
  const run = await portal.api('GET', `/runs/${runId}`, undefined, { as: 'support' });
  expect(run.body.outputs.diff).toEqual([
    { path: 'seats', before: 20, after: 35 },
    { path: 'ssoEnabled', before: true, after: false },
  ]);

  await page.goto(`${portal.url}/catalog/customer/globex`);
  const history = page.getByRole('region', { name: 'Customer' }).getByTestId('customer-history');
  await history.getByText(/seats: 20 → 35/).waitFor();
  await shot('backoffice-03-customer-page');
  expect((await portal.entity('customer', 'globex', 'support')).properties.configuration).toMatchObject({ seats: 35, ssoEnabled: false });
  expect(errors).toEqual([]);
});
