import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { deleteKeys, newKeyPrefix, startTestPortal, type TestPortal } from './support/test-portal';

// An entity applied from a catalog file says so on its page, and Edit and Delete are disabled
// with the file to change instead, unless its kind allows overrides.
jest.setTimeout(90_000);
const keyPrefix = newKeyPrefix('managed-in-code');
const TOKEN = 'code-maintainer-token-0123456789';
let portal: TestPortal;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  portal = await startTestPortal({ plugins: [], auth: { tokens: [{ name: 'ana', sha256: createHash('sha256').update(TOKEN).digest('hex'), kind: 'user', roles: ['maintainer'] }] } }, { keyPrefix });
  const kind = (id: string, allowOverrides: boolean) => ({ id, title: id === 'service' ? 'Service' : 'Runbook', allowOverrides, schema: { type: 'object', properties: { tier: { type: 'integer', title: 'Tier' } } } });
  const res = await fetch(`${portal.url}/api/v1/catalog/apply`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ root: 'catalog', files: [{ path: 'kinds.yaml', kinds: [kind('service', false), kind('runbook', true)] }, { path: 'services/cart.yaml', entities: [{ kind: 'service', id: 'cart', title: 'Cart Service', properties: { tier: 1 } }, { kind: 'runbook', id: 'cart-runbook', title: 'Cart Runbook' }] }] }),
  });
  if (!res.ok) throw new Error(`apply: ${res.status} ${await res.text()}`);
  browser = await launchBrowser();
  page = await openPage(browser, pageErrors, { extraHTTPHeaders: { authorization: `Bearer ${TOKEN}` } });
});

afterAll(async () => {
  await browser?.close();
  await portal?.close();
  await deleteKeys([keyPrefix]);
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

test('the entity page shows the file, and refuses Edit and Delete with it', async () => {
  await page.goto(`${portal.url}/catalog/service/cart`);
  await page.getByRole('heading', { name: 'Cart Service', level: 1 }).waitFor();
  await page.getByText('managed in code: catalog/services/cart.yaml', { exact: true }).waitFor();
  expect(await page.getByRole('button', { name: 'Edit' }).isDisabled()).toBe(true);
  expect(await page.getByRole('button', { name: 'Delete' }).isDisabled()).toBe(true);
  expect(await page.locator('[data-refusal]').first().getAttribute('data-refusal')).toBe('service/cart is managed in code: catalog/services/cart.yaml. Change it in that file and apply it.');
  await screenshot(page, 'managed-in-code-01-entity');
});

test('a kind that allows overrides keeps Edit enabled, and still names the file', async () => {
  await page.goto(`${portal.url}/catalog/runbook/cart-runbook`);
  await page.getByRole('heading', { name: 'Cart Runbook', level: 1 }).waitFor();
  await page.getByText('managed in code: catalog/services/cart.yaml', { exact: true }).waitFor();
  expect(await page.getByRole('button', { name: 'Edit' }).isDisabled()).toBe(false);
});
