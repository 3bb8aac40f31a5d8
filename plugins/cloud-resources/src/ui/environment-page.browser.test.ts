import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { auditedScreenshot, ensureBuilt, eventually, expectFitsWidth, launchBrowser, openPage, startTestPortal, type TestPortal } from '@portico/test-utils';

// The demo setup in a real browser (Kubernetes, AWS and Terraform simulated in-process, catalog
// and runs on real Redis): a developer environment's page counts down to its expiry, "Extend
// TTL" runs through its form and the page shows the new expiry; cart-service's page shows its
// workload and pods.

jest.setTimeout(120_000);
const pluginsDir = join(__dirname, '..', '..', '..');
const repoRoot = join(pluginsDir, '..');
const screenshots = join(pluginsDir, 'cloud-resources', 'test-results', 'screenshots');
let portal: TestPortal;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const shot = (name: string, on: Page = page): Promise<void> => auditedScreenshot(on, screenshots, name);

beforeAll(async () => {
  ensureBuilt(join(repoRoot, 'core', 'ui'), join('dist', 'app', 'manifest.json'), ['src', join('..', 'ui-api', 'src')]);
  ensureBuilt(join(pluginsDir, 'software-catalog'));
  ensureBuilt(join(pluginsDir, 'cloud-resources'));
  portal = await startTestPortal({
    store: 'redis',
    ui: true,
    guest: true,
    plugins: [
      { path: join(pluginsDir, 'software-catalog'), config: { sampleData: true } },
      { path: join(pluginsDir, 'cloud-resources'), config: { simulated: true, syncIntervalMs: 1000 } },
    ],
  });
  await portal.waitForEntity('dev-environment', 'alice-checkout');
  await eventually(async () => ((await portal.entity('workload', 'demo.shop.cart-service'))?.relations.component === 'cart-service' ? true : null), 'the cart-service workload to be linked');
  browser = await launchBrowser();
  page = await openPage(browser, pageErrors);
});

afterAll(async () => {
  await browser?.close();
  await portal?.close();
});

test('an environment page counts down to its expiry; "Extend TTL" runs through its form and the page shows the new expiry', async () => {
  await page.goto(`${portal.url}/catalog/dev-environment/alice-checkout`);
  await page.getByRole('heading', { name: 'Environment alice-checkout', level: 1 }).waitFor();
  const card = page.getByRole('region', { name: 'Time left' });
  const timeLeft = card.getByTestId('time-left');
  await timeLeft.waitFor();
  expect(await timeLeft.innerText()).toMatch(/^(19|20) h \d+ min left$/);
  const before = await card.getByTestId('expires-at').innerText();
  expect(before).toMatch(/^Expires /);
  await shot('cloud-01-environment');

  await page.getByRole('button', { name: /^Actions/ }).click();
  await page.getByRole('menu', { name: 'Actions for alice-checkout' }).getByRole('menuitem', { name: /^Extend TTL by 3 days/ }).click();
  await page.waitForURL(/\/self-service\/cloud\.extend-environment\?entity=dev-environment%3Aalice-checkout$/);
  await page.locator('#root_reason').fill('Demo on Friday');
  await shot('cloud-02-extend-form');
  await page.getByRole('button', { name: 'Run' }).click();
  await page.waitForURL(/\/runs\/[^/]+$/);
  await page.locator('[data-status="succeeded"]').waitFor({ timeout: 30_000 });
  await page.getByRole('log', { name: 'Run log' }).getByText(/alice-checkout now ends at/).waitFor();
  await shot('cloud-03-extend-run');

  await page.goto(`${portal.url}/catalog/dev-environment/alice-checkout`);
  const after = page.getByRole('region', { name: 'Time left' });
  await after.getByTestId('time-left').getByText(/^3 d (19|20) h left$/).waitFor();
  expect(await after.getByTestId('expires-at').innerText()).not.toBe(before);
  expect((await portal.entity('dev-environment', 'alice-checkout')).properties.extensions).toBe(1);
  await shot('cloud-04-extended');
  expect(pageErrors).toEqual([]);
});

test("cart-service's page shows its workload with ready replicas and pods; Home lists the environments", async () => {
  await page.goto(`${portal.url}/catalog/component/cart-service`);
  const card = page.getByRole('region', { name: 'Workloads' });
  await card.getByTestId('replicas').getByText('2/2 ready').waitFor();
  expect(await card.getByTestId('pod').count()).toBe(2);
  await shot('cloud-05-component-workloads');
  await page.goto(portal.url);
  await page.getByRole('region', { name: 'My environments' }).getByRole('link', { name: 'Environment alice-checkout' }).waitFor();
  expect(pageErrors).toEqual([]);
});

test('on a phone, in the dark theme, the countdown fits and passes the audit', async () => {
  const phone = await openPage(browser, pageErrors, { viewport: { width: 360, height: 800 }, colorScheme: 'dark' });
  await phone.goto(`${portal.url}/catalog/dev-environment/alice-checkout`);
  await phone.getByRole('region', { name: 'Time left' }).getByTestId('time-left').waitFor();
  await expectFitsWidth(phone);
  await shot('cloud-06-phone-dark', phone);
  await phone.context().close();
  expect(pageErrors).toEqual([]);
});
