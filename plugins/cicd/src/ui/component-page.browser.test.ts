import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startPortal, type Portal } from '@portico/kernel';
import { auditedScreenshot, deleteRedisKeys, ensureBuilt, expectFitsWidth, launchBrowser } from '@portico/test-utils';

// The demo setup in a real browser: a service's Component page shows the Deployments card,
// the CI tab and the CI/CD actions, and a deploy started from its form runs to the end
// (GitHub simulated in-process, catalog and runs on real Redis).

jest.setTimeout(120_000);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const keyPrefix = `test:cicd-browser:${randomUUID()}:`;
const pluginsDir = join(__dirname, '..', '..', '..');
const repoRoot = join(pluginsDir, '..');
const screenshots = join(repoRoot, 'plugins', 'cicd', 'test-results', 'screenshots');
let portal: Portal;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const shot = (name: string, on: Page = page): Promise<void> => auditedScreenshot(on, screenshots, name);

beforeAll(async () => {
  ensureBuilt(join(repoRoot, 'core', 'ui'), join('dist', 'app', 'manifest.json'), ['src', join('..', 'ui-api', 'src')]);
  ensureBuilt(join(pluginsDir, 'software-catalog'));
  ensureBuilt(join(pluginsDir, 'cicd'));
  portal = await startPortal({
    config: {
      auth: { guest: true },
      plugins: [
        { path: join(pluginsDir, 'software-catalog'), config: { sampleData: true } },
        { path: join(pluginsDir, 'cicd'), config: { sampleData: true, github: { simulated: true } } },
      ],
    },
    port: 0,
    redisUrl,
    keyPrefix,
    strict: true,
    conditions: ['source'],
  });
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await portal?.close();
  await deleteRedisKeys([keyPrefix], redisUrl);
});

test('home shows what is deployed where', async () => {
  await page.goto(portal.url);
  const matrix = page.getByTestId('deployments-matrix');
  await page.getByTestId('matrix-cell-cart-service-production').getByText('2.4.0').waitFor();
  expect(await page.getByTestId('matrix-cell-products-service-production').getAttribute('data-locked')).toBe('true');
  expect(await matrix.locator('tbody tr td:first-child').allInnerTexts()).toEqual(['Cart service', 'Products service']);
  await shot('cicd-01-home-matrix');
});

test("a service's page has the Deployments card, the CI tab and the CI/CD actions", async () => {
  await page.goto(`${portal.url}/catalog/component/cart-service`);
  await page.getByRole('heading', { name: 'Cart service', level: 1 }).waitFor();
  const card = page.getByRole('region', { name: 'Deployments' });
  await card.getByTestId('deployments-current').getByText('production: 2.4.0').waitFor();
  await shot('cicd-02-component-overview');

  await page.getByRole('tab', { name: 'CI' }).click();
  const ci = page.getByTestId('ci-tab');
  await ci.getByText('Fix rounding of totals (again)').waitFor();
  expect(await ci.locator('[data-result]').evaluateAll((chips) => chips.map((c) => c.getAttribute('data-result')))).toEqual(['running', 'succeeded', 'failed', 'succeeded']);
  await shot('cicd-03-ci-tab');

  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByRole('button', { name: /^Actions/ }).click();
  const menu = page.getByRole('menu', { name: 'Actions for cart-service' });
  const items = await menu.getByRole('menuitem').allInnerTexts();
  for (const title of ['Deploy', 'Revert deployment', 'Lock deployments', 'Toggle feature flag', 'Add secret', 'Force-merge pull request', 'Upgrade package version']) {
    expect(items).toEqual(expect.arrayContaining([expect.stringContaining(title)]));
  }
  await page.keyboard.press('Escape');
});

test('runs a deploy through the form and follows it to succeeded', async () => {
  await page.getByRole('button', { name: /^Actions/ }).click();
  await page.getByRole('menu', { name: 'Actions for cart-service' }).getByRole('menuitem', { name: /^Deploy/ }).click();
  await page.waitForURL(/\/self-service\/cicd\.deploy\?entity=component%3Acart-service$/);
  await page.locator('#root_environment').click();
  await page.getByRole('option', { name: 'staging' }).click();
  await page.locator('#root_version').fill('2.6.0');
  await shot('cicd-04-deploy-form');
  await page.getByRole('button', { name: 'Run' }).click();
  await page.waitForURL(/\/runs\/[^/]+$/);
  const log = page.getByRole('log', { name: 'Run log' });
  await log.getByText(/Workflow run #\d+ is in_progress/).waitFor();
  await page.locator('[data-status="succeeded"]').waitFor({ timeout: 30_000 });
  await log.getByText('cart-service 2.6.0 is live in staging').waitFor();
  await shot('cicd-05-deploy-succeeded');

  await page.goto(`${portal.url}/catalog/component/cart-service`);
  await page.getByRole('region', { name: 'Deployments' }).getByTestId('deployments-current').getByText('staging: 2.6.0').waitFor();
  expect(pageErrors).toEqual([]);
});

test('a system page shows its overview and its own matrix; a team page what the team owns', async () => {
  await page.goto(`${portal.url}/catalog/system/cart`);
  await page.getByRole('heading', { name: 'Cart', level: 1 }).waitFor();
  await page.getByTestId('matrix-cell-cart-service-staging').waitFor();
  expect(await page.getByTestId('deployments-matrix').locator('tbody tr td:first-child').allInnerTexts()).toEqual(['Cart service']);
  await page.getByRole('tab', { name: 'System overview' }).click();
  const overview = page.getByTestId('system-overview');
  await overview.getByRole('link', { name: 'Cart API' }).waitFor();
  expect(await overview.locator('tbody tr').count()).toBe(3);
  await shot('cicd-06-system-overview');

  await page.goto(`${portal.url}/catalog/team/catalog-team`);
  const owned = page.getByRole('region', { name: 'Ownership' });
  await owned.getByRole('link', { name: 'Products service' }).waitFor();
  expect(await owned.getByTestId('ownership-list').getByRole('link').allInnerTexts()).toEqual(expect.arrayContaining(['Core Kafka', 'Products', 'Products service']));
  await shot('cicd-07-team-ownership');
  expect(pageErrors).toEqual([]);
});

test("on a phone the widgets fit: the page never scrolls sideways, wide tables scroll inside their card", async () => {
  const phone = await (await browser.newContext({ viewport: { width: 360, height: 800 }, colorScheme: 'dark' })).newPage();
  phone.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await phone.goto(portal.url);
    await phone.getByTestId('matrix-cell-cart-service-production').getByText('2.4.0').waitFor();
    await expectFitsWidth(phone);
    await shot('cicd-08-phone-home', phone);
    await phone.goto(`${portal.url}/catalog/component/cart-service`);
    await phone.getByRole('region', { name: 'Deployments' }).getByTestId('deployments-current').getByText('production: 2.4.0').waitFor();
    await expectFitsWidth(phone);
    await shot('cicd-09-phone-component', phone);
    await phone.getByRole('tab', { name: 'CI' }).click();
    await phone.getByTestId('ci-tab').getByText('Fix rounding of totals (again)').waitFor();
    await expectFitsWidth(phone);
    // The runs table is wider than the phone: it scrolls inside its box, its first column stays.
    const scroller = phone.getByTestId('ci-tab').locator('[data-table-scroller]');
    expect(await scroller.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
    await shot('cicd-10-phone-ci-tab', phone);
  } finally {
    await phone.context().close();
  }
  expect(pageErrors).toEqual([]);
});
