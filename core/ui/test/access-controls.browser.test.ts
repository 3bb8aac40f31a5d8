import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshot, openPage } from './support/browser';
import { deleteKeys, FIXTURES, newKeyPrefix, startTestPortal, type TestPortal } from './support/test-portal';

// What permissions govern, in the UI: two people in different teams and an admin, each
// signed in with a config token of kind `user` (sent as a header on every request).
jest.setTimeout(90_000);
const keyPrefix = newKeyPrefix('access');
const TOKENS = { alice: 'alice-token-0123456789', bob: 'bob-token-0123456789', root: 'root-token-0123456789' };
const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
let portal: TestPortal;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

async function api<T = unknown>(who: keyof typeof TOKENS, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${portal.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKENS[who]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function ok<T = unknown>(who: keyof typeof TOKENS, method: string, path: string, body?: unknown): Promise<T> {
  const answer = await api<T>(who, method, path, body);
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

async function waitForRun(id: string, statuses: string[]): Promise<{ status: string; actor: string; actionId: string }> {
  for (let i = 0; i < 200; i++) {
    const run = await ok<{ status: string; actor: string; actionId: string }>('alice', 'GET', `/runs/${id}`);
    if (statuses.includes(run.status)) return run;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`run ${id} never reached ${statuses.join('/')}`);
}

async function pageAs(who: keyof typeof TOKENS): Promise<Page> {
  const page = await openPage(browser, pageErrors, { viewport: { width: 1400, height: 900 }, extraHTTPHeaders: { authorization: `Bearer ${TOKENS[who]}` } });
  contexts.push(page.context());
  page.setDefaultTimeout(20_000);
  return page;
}

beforeAll(async () => {
  portal = await startTestPortal(
    {
      plugins: [{ path: join(FIXTURES, 'access-plugin') }],
      auth: {
        tokens: [
          { name: 'alice', sha256: sha256(TOKENS.alice), kind: 'user', teams: ['payments'], roles: ['developer'] },
          { name: 'bob', sha256: sha256(TOKENS.bob), kind: 'user', teams: ['search'], roles: ['developer'] },
          { name: 'root', sha256: sha256(TOKENS.root), kind: 'user', roles: ['admin'] },
        ],
      },
    },
    { keyPrefix },
  );
  await ok('root', 'POST', '/kinds', { id: 'box', title: 'Box', schema: { type: 'object', properties: { size: { type: 'integer', title: 'Size' }, color: { type: 'string', title: 'Color' } } } });
  await ok('root', 'POST', '/kinds/box/entities', { id: 'alpha', title: 'Alpha Box', owner: 'payments', properties: { size: 1, color: 'red' } });
  await ok('root', 'POST', '/kinds/box/entities', { id: 'beta', title: 'Beta Box', owner: 'payments', properties: { size: 2 } });
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

test("the owner edits their team's entity through the dialog, and a change made meanwhile is caught", async () => {
  const page = await pageAs('alice');
  await page.goto(`${portal.url}/catalog/box/alpha`);
  await page.getByRole('heading', { name: 'Alpha Box', level: 1 }).waitFor();
  expect(await page.getByTestId('guest-badge').count()).toBe(0);
  await page.getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit Alpha Box' });
  await dialog.locator('#root_properties_size').fill('9');
  await screenshot(page, 'access-01-edit');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator('[data-property="size"]', { hasText: '9' }).waitFor();
  expect((await ok<{ properties: Record<string, unknown>; meta: { updatedBy?: string } }>('root', 'GET', '/kinds/box/entities/alpha')).properties).toEqual({ size: 9, color: 'red' });

  // Someone else writes while the dialog is open: If-Match makes the save a 412, and Reload shows their version.
  await page.getByRole('button', { name: 'Edit' }).click();
  await dialog.locator('#root_properties_size').fill('10');
  await ok('root', 'PATCH', '/kinds/box/entities/alpha', { properties: { color: 'blue' } });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.getByRole('alert').filter({ hasText: 'Someone changed box/alpha since you opened it' }).waitFor();
  await dialog.getByRole('button', { name: 'Reload' }).click();
  // The reloaded entity reaches the form a render later than the click.
  await page.waitForFunction(() => (document.querySelector('#root_properties_color') as HTMLInputElement | null)?.value === 'blue');
  expect(await dialog.locator('#root_properties_color').inputValue()).toBe('blue');
  expect(await dialog.locator('#root_properties_size').inputValue()).toBe('9');
  await dialog.locator('#root_properties_size').fill('10');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator('[data-property="size"]', { hasText: '10' }).waitFor();
  expect((await ok<{ properties: Record<string, unknown> }>('root', 'GET', '/kinds/box/entities/alpha')).properties).toEqual({ size: 10, color: 'blue' });
});

test('someone from another team sees Edit and Delete disabled with the reason, and the API refuses them too', async () => {
  const page = await pageAs('bob');
  await page.goto(`${portal.url}/catalog/box/alpha`);
  const edit = page.getByRole('button', { name: 'Edit' });
  await edit.waitFor();
  expect(await edit.isDisabled()).toBe(true);
  expect(await page.getByRole('button', { name: 'Delete' }).isDisabled()).toBe(true);
  const reason = 'Editing box/alpha needs the permission "catalog.entity.write:box" (or "catalog.entity.write" for every kind) or membership of the owning team "payments", which user:bob does not have.';
  expect(await page.locator(`#${await edit.getAttribute('aria-describedby')}`.replace(/:/g, '\\:')).textContent()).toContain(reason);
  await page.locator('[data-refusal^="Editing box/alpha"]').hover();
  await page.getByRole('tooltip').filter({ hasText: reason }).waitFor();
  await screenshot(page, 'access-02-edit-refused');
  const before = await ok<{ meta: { version: number } }>('root', 'GET', '/kinds/box/entities/alpha');
  const refused = await api<{ detail: string; permission: string }>('bob', 'PATCH', '/kinds/box/entities/alpha', { properties: { size: 99 } });
  expect(refused.status).toBe(403);
  expect(refused.body.permission).toBe('catalog.entity.write:box');
  expect((await ok<{ meta: { version: number } }>('root', 'GET', '/kinds/box/entities/alpha')).meta.version).toBe(before.meta.version);
});

test('Delete asks for confirmation, then removes the entity', async () => {
  const page = await pageAs('alice');
  await page.goto(`${portal.url}/catalog/box/beta`);
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete Beta Box?' });
  await dialog.getByText('Box box/beta is removed from the catalog. This cannot be undone.').waitFor();
  // Backing out keeps it.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  expect((await api('alice', 'GET', '/kinds/box/entities/beta')).status).toBe(200);
  await page.getByRole('button', { name: 'Delete' }).click();
  await screenshot(page, 'access-03-delete');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await page.waitForURL(/\/catalog\/box$/);
  expect((await api('alice', 'GET', '/kinds/box/entities/beta')).status).toBe(404);
});

test("Cancel stops a running run, shown to its actor and not to someone who may only read it", async () => {
  const run = await ok<{ id: string }>('alice', 'POST', '/actions/accesstest.hold/runs', { entity: { kind: 'box', id: 'alpha' }, inputs: {} });
  await waitForRun(run.id, ['running']);
  const bob = await pageAs('bob');
  await bob.goto(`${portal.url}/runs/${run.id}`);
  await bob.getByRole('heading', { name: `Run ${run.id}` }).waitFor();
  await bob.getByRole('log', { name: 'Run log' }).getByText('holding').waitFor();
  expect(await bob.getByRole('button', { name: 'Cancel run' }).count()).toBe(0);
  const page = await pageAs('alice');
  await page.goto(`${portal.url}/runs/${run.id}`);
  await page.getByRole('button', { name: 'Cancel run' }).click();
  await page.getByText('Cancelled by user:alice').waitFor();
  expect(await page.getByRole('button', { name: 'Cancel run' }).count()).toBe(0);
  expect((await waitForRun(run.id, ['cancelled'])).status).toBe('cancelled');
});

test('Re-run starts a finished run again, asking for its secret input again', async () => {
  const first = await ok<{ id: string }>('alice', 'POST', '/actions/accesstest.greet/runs', { entity: { kind: 'box', id: 'alpha' }, inputs: { name: 'Ada', token: 'first-secret' } });
  await waitForRun(first.id, ['succeeded']);
  const page = await pageAs('alice');
  await page.goto(`${portal.url}/runs/${first.id}`);
  await page.getByRole('button', { name: 'Re-run' }).click();
  const dialog = page.getByRole('dialog', { name: 'Re-run with the same inputs' });
  await dialog.locator('#root_token').fill('second-secret');
  await dialog.getByRole('button', { name: 'Re-run' }).click();
  await page.waitForURL((url) => /\/runs\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith(`/${first.id}`));
  const next = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
  const rerun = await waitForRun(next, ['succeeded', 'failed']);
  expect(rerun).toMatchObject({ status: 'succeeded', actor: 'user:alice', actionId: 'accesstest.greet' });
  await page.getByRole('log', { name: 'Run log' }).getByText('hello Ada (a token of 13 characters)').waitFor();
});

test('an admin gives a team a role on the Roles page, and the API shows the assignment', async () => {
  const alice = await pageAs('alice');
  await alice.goto(`${portal.url}/admin`);
  await alice.getByRole('tab', { name: 'Kinds' }).waitFor();
  expect(await alice.getByRole('tab', { name: 'Roles' }).count()).toBe(0);
  const page = await pageAs('root');
  await page.goto(`${portal.url}/admin`);
  await page.getByRole('tab', { name: 'Roles' }).click();
  await page.getByRole('table', { name: 'Roles' }).locator('[data-role="maintainer"]').waitFor();
  const form = page.getByRole('form', { name: 'Give roles' });
  await form.getByLabel('Subject').fill('team:search');
  await form.getByLabel('maintainer').check();
  await form.getByRole('button', { name: 'Give roles' }).click();
  await page.locator('[data-subject="team:search"][data-source="api"]', { hasText: 'maintainer' }).waitFor();
  await screenshot(page, 'access-04-roles');
  const { items } = await ok<{ items: Array<{ subject: string; roles: string[]; source: string }> }>('root', 'GET', '/access/assignments');
  expect(items).toContainEqual({ subject: 'team:search', roles: ['maintainer'], source: 'api' });
  // Bob is in team search: he now holds catalog.entity.write and may edit any box.
  expect((await api('bob', 'PATCH', '/kinds/box/entities/alpha', { properties: { size: 11 } })).status).toBe(200);
  await page.getByRole('button', { name: 'Remove the roles given to team:search' }).click();
  await page.locator('[data-subject="team:search"]').waitFor({ state: 'detached' });
  expect((await ok<{ items: Array<{ subject: string }> }>('root', 'GET', '/access/assignments')).items.map((a) => a.subject)).not.toContain('team:search');
});
