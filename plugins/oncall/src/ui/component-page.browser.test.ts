import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { auditedScreenshot, ensureBuilt, expectFitsWidth, launchBrowser, openPage, startTestPortal, type TestPortal } from '@portico/test-utils';

// The demo setup in a real browser (PagerDuty simulated in-process, catalog and runs on real
// Redis): cart-service's page shows who is on call and its open incident, and "Page the
// on-call" run from its form creates an incident that then shows on the page and on Home.

jest.setTimeout(120_000);
const pluginsDir = join(__dirname, '..', '..', '..');
const repoRoot = join(pluginsDir, '..');
const screenshots = join(pluginsDir, 'oncall', 'test-results', 'screenshots');
let portal: TestPortal;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const shot = (name: string, on: Page = page): Promise<void> => auditedScreenshot(on, screenshots, name);

beforeAll(async () => {
  ensureBuilt(join(repoRoot, 'core', 'ui'), join('dist', 'app', 'manifest.json'), ['src', join('..', 'ui-api', 'src')]);
  ensureBuilt(join(pluginsDir, 'software-catalog'));
  ensureBuilt(join(pluginsDir, 'oncall'));
  portal = await startTestPortal({
    store: 'redis',
    ui: true,
    guest: true,
    plugins: [
      { path: join(pluginsDir, 'software-catalog'), config: { sampleData: true } },
      { path: join(pluginsDir, 'oncall'), config: { simulated: true } },
    ],
  });
  await portal.waitForEntity('escalation-policy', 'pepchk1');
  await portal.waitForEntity('incident', 'psim041');
  browser = await launchBrowser();
  page = await openPage(browser, pageErrors);
});

afterAll(async () => {
  await browser?.close();
  await portal?.close();
});

test("cart-service's page shows who is on call now and next, and its open incident", async () => {
  await page.goto(`${portal.url}/catalog/component/cart-service`);
  await page.getByRole('heading', { name: 'Cart service', level: 1 }).waitFor();
  const onCall = page.getByRole('region', { name: 'On call now' });
  const entries = onCall.getByTestId('on-call-entry');
  await entries.first().waitFor();
  expect(await entries.allInnerTexts()).toEqual([expect.stringMatching(/^Primary\s+Alice Martin until .*\s+alice@example\.com · \+1 555 0101$/), expect.stringMatching(/^Level 2\s*Dave Okafor \(always\)/)]);
  expect(await onCall.getByTestId('on-call-next').innerText()).toMatch(/^Next: Bob Chen from /);
  const incidents = page.getByRole('region', { name: 'Open incidents' });
  await incidents.getByRole('link', { name: '#41 Checkout latency above 2 s at p99' }).waitFor();
  await shot('oncall-01-component');
  expect(pageErrors).toEqual([]);
});

test('"Page the on-call" runs through its form; the new incident shows on the page, on Home, and its own page has a timeline', async () => {
  await page.getByRole('button', { name: /^Actions/ }).click();
  await page.getByRole('menu', { name: 'Actions for cart-service' }).getByRole('menuitem', { name: /^Page the on-call/ }).click();
  await page.waitForURL(/\/self-service\/oncall\.page\?entity=component%3Acart-service$/);
  await page.locator('#root_title').fill('Carts are emptied at checkout');
  await page.locator('#root_details').fill('Seen by three customers since 10:00.');
  await shot('oncall-02-page-form');
  await page.getByRole('button', { name: 'Run' }).click();
  await page.waitForURL(/\/runs\/[^/]+$/);
  await page.locator('[data-status="succeeded"]').waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
    await shot('oncall-03-page-run-failed');
    throw error;
  });
  const log = page.getByRole('log', { name: 'Run log' });
  await log.getByText('this changes nothing real', { exact: false }).waitFor();
  await log.getByText(/Created PagerDuty incident #42/).waitFor();
  await shot('oncall-03-page-run');

  await page.goto(`${portal.url}/catalog/component/cart-service`);
  const incidents = page.getByRole('region', { name: 'Open incidents' });
  await incidents.getByRole('link', { name: '#42 Carts are emptied at checkout' }).waitFor();
  await page.goto(portal.url);
  await page.getByRole('region', { name: 'Open incidents' }).getByRole('link', { name: '#42 Carts are emptied at checkout' }).click();
  await page.getByRole('heading', { name: 'Carts are emptied at checkout', level: 1 }).waitFor();
  await page.getByTestId('incident-timeline').getByText('Paged from Portico by guest', { exact: false }).waitFor();
  await shot('oncall-04-incident');
  expect(pageErrors).toEqual([]);
});

test("a runbook's page lists its steps; a team page shows who is on call for the team's services", async () => {
  await page.goto(`${portal.url}/catalog/runbook/cart-latency`);
  const steps = page.getByTestId('runbook-steps');
  await steps.getByText('1. Acknowledge the incident').waitFor();
  expect(await steps.locator('li').count()).toBe(3);
  await page.goto(`${portal.url}/catalog/team/checkout-team`);
  await page.getByRole('region', { name: 'On call now' }).getByText('Alice Martin').waitFor();
  await shot('oncall-05-team');
  expect(pageErrors).toEqual([]);
});

test('on a phone, in the dark theme, the on-call card and the open incidents fit and pass the audit', async () => {
  const phone = await openPage(browser, pageErrors, { viewport: { width: 360, height: 800 }, colorScheme: 'dark' });
  await phone.goto(`${portal.url}/catalog/component/cart-service`);
  await phone.getByRole('region', { name: 'On call now' }).getByTestId('on-call-entry').first().waitFor();
  await phone.getByRole('region', { name: 'Open incidents' }).getByRole('link').first().waitFor();
  await expectFitsWidth(phone);
  await shot('oncall-06-phone-dark', phone);
  await phone.context().close();
  expect(pageErrors).toEqual([]);
});
