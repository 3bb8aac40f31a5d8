import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { deleteKeys, newKeyPrefix, startTestPortal, type TestPortal } from './support/test-portal';

// The catalog table holds only what is in view and pages through the server's cursor:
// scrolling to the end of 450 entities fetches pages of 100 and keeps the DOM small.
jest.setTimeout(90_000);
const keyPrefix = newKeyPrefix('scale');
const COUNT = 450;
let portal: TestPortal;
let browser: Browser;
let page: Page;
const queries: Array<{ limit?: number; cursor?: string }> = [];

beforeAll(async () => {
  portal = await startTestPortal({ auth: { guest: true }, plugins: [] }, { keyPrefix });
  const post = async (path: string, body: unknown): Promise<void> => {
    const response = await fetch(`${portal.url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  };
  await post('/kinds', { id: 'service', title: 'Service', schema: { type: 'object', properties: { tier: { type: 'integer', title: 'Tier' } } } });
  const entities = Array.from({ length: COUNT }, (_, n) => ({ id: `svc-${String(n).padStart(4, '0')}`, title: `Service ${n}`, properties: { tier: n % 3 } }));
  await post('/kinds/service/entities/bulk', { entities: entities.slice(0, 250) });
  await post('/kinds/service/entities/bulk', { entities: entities.slice(250) });
  browser = await launchBrowser();
  page = await openPage(browser, []);
  page.on('request', (request) => {
    if (request.url().endsWith('/api/v1/entities/query') && request.method() === 'POST') queries.push(JSON.parse(request.postData() ?? '{}'));
  });
});

afterAll(async () => {
  await browser?.close();
  await portal?.close();
  await deleteKeys([keyPrefix]);
});

test('scrolling pages through the cursor while only visible rows are rendered', async () => {
  await page.goto(`${portal.url}/catalog/service`);
  const table = page.getByRole('table', { name: 'Service entities' });
  await page.waitForFunction((count) => document.querySelector('[role="table"]')?.getAttribute('data-total') === String(count), COUNT);
  expect(queries.filter((query) => query.limit === 100)).toHaveLength(1);
  const scroller = page.getByTestId('entity-table-scroller');
  for (let i = 0; i < 20; i++) {
    await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    if (await table.locator(`[data-row-index="${COUNT - 1}"]`).count()) break;
    await page.waitForTimeout(150);
  }
  await table.locator(`[data-row-index="${COUNT - 1}"]`).waitFor();
  expect(await table.locator(`[data-row-index="${COUNT - 1}"] a`).textContent()).toBe(`Service ${COUNT - 1}`);
  // Five pages, each after the previous one's cursor; never a full fetch.
  const pages = queries.filter((query) => query.limit === 100);
  expect(pages).toHaveLength(5);
  expect(pages[0].cursor).toBeUndefined();
  expect(pages.slice(1).every((query) => typeof query.cursor === 'string')).toBe(true);
  expect(await table.locator('[role="row"][data-row-index]').count()).toBeLessThan(60);
  await screenshot(page, '15-catalog-scrolled');
});
