import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshot, openPage } from './support/browser';
import { deleteKeys, newKeyPrefix, REDIS_URL, startTestPortal, type TestPortal } from './support/test-portal';

// The Admin page's Audit log: shown to holders of audit.read only, filtered and paged by the
// server, and it says so when a stored record was changed behind the portal's back.
jest.setTimeout(90_000);
const keyPrefix = newKeyPrefix('audit');
const TOKENS = { auditor: 'auditor-token-0123456789', writer: 'writer-token-0123456789', viewer: 'viewer-token-0123456789' };
const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
let portal: TestPortal;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

async function api(who: keyof typeof TOKENS, method: string, path: string, body?: unknown): Promise<number> {
  const response = await fetch(`${portal.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${TOKENS[who]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  await response.arrayBuffer();
  return response.status;
}

async function pageAs(who: keyof typeof TOKENS): Promise<Page> {
  const page = await openPage(browser, pageErrors, { viewport: { width: 1500, height: 900 }, extraHTTPHeaders: { authorization: `Bearer ${TOKENS[who]}` } });
  contexts.push(page.context());
  page.setDefaultTimeout(20_000);
  return page;
}

beforeAll(async () => {
  portal = await startTestPortal(
    {
      plugins: [],
      auth: {
        tokens: [
          { name: 'auditor', sha256: sha256(TOKENS.auditor), kind: 'user', permissions: ['audit.read'] },
          { name: 'writer', sha256: sha256(TOKENS.writer), kind: 'user', roles: ['admin'] },
          { name: 'viewer', sha256: sha256(TOKENS.viewer), kind: 'user', roles: ['viewer'] },
        ],
      },
    },
    { keyPrefix },
  );
  expect(await api('writer', 'POST', '/kinds', { id: 'box', title: 'Box', schema: { type: 'object', properties: { size: { type: 'integer' } } } })).toBe(201);
  expect(await api('writer', 'POST', '/kinds/box/entities', { id: 'alpha', title: 'Alpha', properties: { size: 1 } })).toBe(201);
  expect(await api('viewer', 'PATCH', '/kinds/box/entities/alpha', { properties: { size: 2 } })).toBe(403);
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await portal?.close();
  await deleteKeys([keyPrefix]);
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

test('an auditor browses, filters and exports the log, and sees the chain break when a record is edited', async () => {
  const page = await pageAs('auditor');
  await page.goto(`${portal.url}/admin/audit`);
  await page.getByRole('tab', { name: 'Audit log' }).waitFor();
  await page.locator('[data-chain="ok"]').waitFor();
  const table = page.getByRole('table', { name: 'Audit records' });
  await table.getByRole('cell', { name: 'user:viewer' }).waitFor();
  expect(await table.getByRole('cell', { name: 'createKind' }).count()).toBe(1);

  await page.getByLabel('Outcome').click();
  await page.getByRole('option', { name: 'refused' }).click();
  await table.locator('tbody tr').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('table[aria-label="Audit records"] tbody tr').length === 1);
  await table.getByRole('cell', { name: 'refused 403' }).waitFor();
  expect(await table.getByRole('cell', { name: /PATCH \/api\/v1\/kinds\/box\/entities\/alpha/ }).count()).toBe(1);
  const exportHref = await page.getByRole('link', { name: 'Export (JSON lines)' }).getAttribute('href');
  expect(exportHref).toBe('/api/v1/audit/export?outcome=refused');
  const exported = await page.evaluate(async (href) => (await fetch(href!)).text(), exportHref);
  expect(exported.trim().split('\n').map((line) => JSON.parse(line).actor)).toEqual(['user:viewer']);
  await screenshot(page, 'audit-log');

  // Someone with Redis access rewrites who made the first record: the page reports that record.
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, retryStrategy: () => null });
  const key = `${keyPrefix}state:log:audit:entries`;
  const first = JSON.parse((await redis.hget(key, '1'))!);
  await redis.hset(key, '1', JSON.stringify({ ...first, actor: 'user:someone-else' }));
  await redis.quit();
  await page.reload();
  await page.locator('[data-chain="broken"]').waitFor();
  expect(await page.locator('[data-chain="broken"]').textContent()).toContain('broken at record #1');
});

test('without audit.read there is no Audit log tab', async () => {
  const page = await pageAs('viewer');
  await page.goto(`${portal.url}/admin`);
  await page.getByRole('tab', { name: 'Kinds' }).waitFor();
  expect(await page.getByRole('tab', { name: 'Audit log' }).count()).toBe(0);
});
