import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { auditedScreenshot, ensureBuilt, expectFitsWidth, launchBrowser, openPage, startTestPortal, type TestPortal } from '@portico/test-utils';

// The demo setup in a real browser (MLflow, Kubernetes and JupyterHub simulated in-process,
// catalog and runs on real Redis): a Model's page shows its versions and the metric chart; an
// endpoint's traffic split changes through the Route A/B traffic form; Home counts my notebooks down.

jest.setTimeout(240_000);
const pluginsDir = join(__dirname, '..', '..', '..');
const repoRoot = join(pluginsDir, '..');
const screenshots = join(pluginsDir, 'ml', 'test-results', 'screenshots');
let portal: TestPortal;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const shot = (name: string, on: Page = page): Promise<void> => auditedScreenshot(on, screenshots, name);

beforeAll(async () => {
  ensureBuilt(join(repoRoot, 'core', 'ui'), join('dist', 'app', 'manifest.json'), ['src', join('..', 'ui-api', 'src')]);
  ensureBuilt(join(pluginsDir, 'software-catalog'));
  ensureBuilt(join(pluginsDir, 'ml'));
  portal = await startTestPortal({
    store: 'redis',
    ui: true,
    plugins: [
      { path: join(pluginsDir, 'software-catalog'), config: { sampleData: true } },
      { path: join(pluginsDir, 'ml'), config: { simulated: true, pollMs: 20 } },
    ],
    users: { alice: { roles: ['developer'], permissions: ['ml.*'], teams: ['checkout-team'] } },
  });
  await portal.waitForEntity('ml-serving-endpoint', 'production.churn', { as: 'alice', timeoutMs: 30_000 });
  browser = await launchBrowser();
  page = await openPage(browser, pageErrors, { token: portal.tokenOf('alice') });
});

afterAll(async () => {
  await browser?.close();
  await portal?.close();
});

test("a Model's page lists its versions with their aliases and charts a metric across their training runs", async () => {
  await page.goto(`${portal.url}/catalog/ml-model/churn-classifier`);
  await page.getByRole('heading', { name: 'churn-classifier', level: 1 }).waitFor();
  const versions = page.getByTestId('model-versions');
  await versions.waitFor();
  expect(await versions.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-version')))).toEqual(['4', '3', '2', '1']);
  await versions.locator('tr[data-version="3"]').getByText('champion').waitFor();
  await versions.locator('tr[data-version="4"]').getByText('challenger').waitFor();
  const chart = page.getByTestId('metric-chart');
  expect(await chart.getAttribute('data-points')).toBe('v1:0.86,v2:0.89,v3:0.88,v4:0.91');
  // The chart library drew the line through the points.
  const line = chart.locator('path.MuiLineChart-line').first();
  await line.waitFor();
  expect(await line.getAttribute('d')).toMatch(/^M[\d.,\s]+(L|C)/);
  await page.getByLabel('Metric').click();
  await page.getByRole('option', { name: 'auc' }).click();
  expect(await chart.getAttribute('data-metric')).toBe('auc');
  await shot('ml-01-model-page');
  expect(pageErrors).toEqual([]);
});

test("an endpoint's card shows the split, and the Route A/B traffic form changes it", async () => {
  await page.goto(`${portal.url}/catalog/ml-serving-endpoint/production.churn`);
  const traffic = page.getByTestId('serving-traffic');
  await traffic.getByText('Champion v3: 90 %').waitFor();
  await traffic.getByText('Challenger v4: 10 %').waitFor();
  await shot('ml-02-endpoint');
  await page.getByRole('link', { name: 'Change the split' }).click();
  await page.waitForURL(/\/self-service\/ml\.route-traffic/);
  await page.locator('#root_percent').fill('30');
  await shot('ml-03-route-traffic-form');
  await page.getByRole('button', { name: 'Run' }).click();
  await page.waitForURL(/\/runs\/[^/]+$/);
  // The run and its production step both end succeeded.
  await page.locator('[data-status="succeeded"]').first().waitFor({ timeout: 30_000 });
  await page.getByRole('log', { name: 'Run log' }).getByText('churn is ready: champion v3 70 %, challenger v4 30 %').waitFor();
  await page.goto(`${portal.url}/catalog/ml-serving-endpoint/production.churn`);
  await page.getByTestId('serving-traffic').getByText('Challenger v4: 30 %').waitFor();
  expect(pageErrors).toEqual([]);
});

test('Home counts my notebooks down; on a phone in the dark theme the Model page fits and passes the audit', async () => {
  const started = await portal.runAction('ml.start-notebook', { inputs: { name: 'eda', owner: 'checkout-team', image: 'scipy', size: 'small' }, as: 'alice', timeoutMs: 30_000 });
  expect(started.status).toBe('succeeded');
  await page.goto(portal.url);
  const countdown = page.getByTestId('my-notebooks').getByTestId('countdown');
  await countdown.getByText(/^ready · stops in 7:59:\d\d$/).waitFor();
  const first = await countdown.textContent();
  await page.waitForFunction((before) => document.querySelector('[data-testid="countdown"]')?.textContent !== before, first);
  await shot('ml-04-home-notebooks');
  const phone = await openPage(browser, pageErrors, { viewport: { width: 360, height: 800 }, colorScheme: 'dark', token: portal.tokenOf('alice') });
  await phone.goto(`${portal.url}/catalog/ml-model/churn-classifier`);
  await phone.getByTestId('model-versions').waitFor();
  await expectFitsWidth(phone);
  await shot('ml-05-phone-model', phone);
  await phone.context().close();
  expect(pageErrors).toEqual([]);
});
