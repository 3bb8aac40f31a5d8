import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expectFitsWidth } from '@portico/test-utils';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { deleteKeys, FIXTURES, newKeyPrefix, startTestPortal, type TestPortal } from './support/test-portal';

// Issue 21's dashboard acceptance: Ann builds a dashboard of a number, a pie and a table over
// catalog queries (plus a plugin widget), saves it for her team, reloads and sees it, and sees the
// number change when an entity is created (through the event stream). Bob, in another team, opens
// the shared URL but may not edit it. Every state pictured is audited by axe (screenshot()).
jest.setTimeout(120_000);
const keyPrefix = newKeyPrefix('dashboards');
const TOKENS = { ann: 'ann-token-0123456789', bob: 'bob-token-0123456789', root: 'root-token-0123456789' };
const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
let portal: TestPortal;
let browser: Browser;
const pageErrors: string[] = [];

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${portal.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${TOKENS.root}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function pageAs(who: keyof typeof TOKENS, width = 1400, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  return openPage(browser, pageErrors, { viewport: { width, height: 900 }, colorScheme, extraHTTPHeaders: { authorization: `Bearer ${TOKENS[who]}` } });
}

beforeAll(async () => {
  portal = await startTestPortal(
    {
      plugins: [{ path: join(FIXTURES, 'widgets-plugin') }],
      auth: {
        tokens: [
          { name: 'ann', sha256: sha256(TOKENS.ann), kind: 'user', teams: ['payments'], roles: ['developer'] },
          { name: 'bob', sha256: sha256(TOKENS.bob), kind: 'user', teams: ['search'], roles: ['developer'] },
          { name: 'root', sha256: sha256(TOKENS.root), kind: 'user', roles: ['admin'] },
        ],
      },
    },
    { keyPrefix },
  );
  await api('POST', '/kinds', { id: 'gadget', title: 'Gadget', schema: { type: 'object', properties: { color: { type: 'string', title: 'Color', enum: ['red', 'blue'] }, size: { type: 'integer', title: 'Size' } } } });
  for (const [id, color] of [['alpha', 'red'], ['beta', 'blue'], ['gamma', 'blue']]) await api('POST', '/kinds/gadget/entities', { id, title: `${id} gadget`, properties: { color, size: 1 } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await portal?.close();
  await deleteKeys([keyPrefix]);
});

/**
 * Picks `option` in the MUI select labelled `label` inside the dialog. On a loaded machine a
 * click can land while the menu is still opening and be taken for nothing, leaving the menu
 * open (seen in a clean-clone CI run): then the option is chosen again.
 */
async function choose(page: Page, label: string | RegExp, option: string | RegExp): Promise<void> {
  const select = page.getByRole('dialog').getByRole('combobox', { name: label });
  await select.click();
  const listbox = page.getByRole('listbox');
  const pick = listbox.getByRole('option', { name: option });
  await pick.click();
  const closed = await listbox.waitFor({ state: 'detached', timeout: 5_000 }).then(() => true, () => false);
  if (!closed) {
    await pick.click();
    await listbox.waitFor({ state: 'detached' });
  }
}

async function addWidget(page: Page, menuItem: RegExp, setUp: () => Promise<void>, expectPreview: () => Promise<void>, shot?: string): Promise<void> {
  await page.getByRole('button', { name: 'Add widget' }).click();
  await page.getByRole('menuitem', { name: menuItem }).click();
  await page.getByRole('dialog').waitFor();
  await setUp();
  await expectPreview();
  if (shot) await screenshot(page, shot);
  await page.getByRole('dialog').getByRole('button', { name: 'Apply' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

let dashboardUrl: string;

test('Ann builds a number, a pie and a table over catalog queries, with previews, and saves it for her team', async () => {
  const page = await pageAs('ann');
  await page.goto(`${portal.url}/dashboards`);
  await page.getByRole('button', { name: 'New dashboard' }).click();
  await page.waitForURL(/\/dashboards\/new$/);
  const title = page.getByRole('textbox', { name: 'Dashboard title' });
  await title.fill('Payments gadgets');
  await page.getByRole('combobox', { name: 'Owner' }).click();
  await page.getByRole('option', { name: 'Team payments' }).click();
  const preview = page.getByTestId('widget-preview');

  await addWidget(
    page,
    /^Number/,
    async () => {
      await page.getByRole('dialog').getByRole('textbox', { name: 'Widget title' }).fill('Gadgets');
      await choose(page, 'Kind', 'Gadget');
    },
    () => preview.locator('[data-testid="dashboard-number"][data-value="3"]').waitFor(),
    'dashboards-number-editor',
  );
  await addWidget(
    page,
    /^Pie/,
    async () => {
      await page.getByRole('dialog').getByRole('textbox', { name: 'Widget title' }).fill('By color');
      await choose(page, 'Kind', 'Gadget');
      await choose(page, 'Values of', 'color');
    },
    () => preview.locator('[data-testid="dashboard-chart"][data-summary="blue: 2, red: 1"]').waitFor(),
  );
  await addWidget(
    page,
    /^Table/,
    async () => {
      await page.getByRole('dialog').getByRole('textbox', { name: 'Widget title' }).fill('All gadgets');
      await choose(page, 'Kind', 'Gadget');
      // Only gadgets that are blue: a filter built in the same form as the catalog's.
      await page.getByRole('dialog').getByRole('combobox', { name: 'Property' }).click();
      await page.getByRole('option', { name: 'Color' }).click();
      await page.getByRole('dialog').getByRole('textbox', { name: 'Value' }).fill('blue');
      await page.getByRole('dialog').getByRole('button', { name: 'Add filter' }).click();
    },
    async () => {
      await preview.getByText('2 in all').waitFor();
      await preview.getByRole('link', { name: 'beta gadget' }).waitFor();
      expect(await preview.getByRole('link', { name: 'alpha gadget' }).count()).toBe(0);
    },
  );
  await addWidget(page, /Test home widget \(uitest\)/, async () => undefined, () => preview.getByTestId('home-widget').waitFor());

  // Resize the table by its corner: the grid library's drag, as a mouse does it.
  const table = page.locator('[data-widget-id="w3"]');
  const before = (await table.boundingBox())!;
  const handle = page.locator('.react-grid-item', { has: table }).locator('.react-resizable-handle');
  await handle.scrollIntoViewIfNeeded();
  const corner = (await handle.boundingBox())!;
  await page.mouse.move(corner.x + corner.width / 2, corner.y + corner.height / 2);
  await page.mouse.down();
  await page.mouse.move(corner.x + 150, corner.y + 100, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction((width) => (document.querySelector('[data-widget-id="w3"]')?.getBoundingClientRect().width ?? 0) > width + 50, before.width);
  await screenshot(page, 'dashboards-editing');

  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/\/dashboards\/dsh_[0-9a-f]{16}$/);
  dashboardUrl = page.url();
  await page.getByRole('button', { name: 'Edit', exact: true }).waitFor();
  // The first save moves to the dashboard's own URL and still says it saved (a live region).
  await page.getByRole('status').filter({ hasText: 'Dashboard saved' }).waitFor();
  const saved = await api<{ owner: string; widgets: Array<{ id: string; type: string; layout: { w: number; h: number } }> }>('GET', `/dashboards/${dashboardUrl.split('/').pop()}`);
  expect(saved.owner).toBe('team:payments');
  expect(saved.widgets.map((w) => w.type)).toEqual(['number', 'pie', 'table', 'plugin']);
  expect(saved.widgets[2].layout.w).toBeGreaterThan(6);
  await page.context().close();
});

test('after a reload the dashboard is there, and its number follows the catalog live', async () => {
  const page = await pageAs('ann');
  await page.goto(dashboardUrl);
  await page.getByRole('heading', { name: 'Payments gadgets', level: 1 }).waitFor();
  const number = page.getByRole('region', { name: 'Gadgets' }).getByTestId('dashboard-number');
  await page.locator('[data-testid="dashboard-number"][data-value="3"]').waitFor();
  await page.locator('[data-testid="dashboard-chart"][data-summary="blue: 2, red: 1"]').waitFor();
  await page.getByRole('region', { name: 'All gadgets' }).getByRole('link', { name: 'gamma gadget' }).waitFor();
  await page.getByTestId('home-widget').waitFor();
  await screenshot(page, 'dashboards-saved');
  // Created elsewhere (the API, as another person): the open page hears of it through /api/v1/events.
  await api('POST', '/kinds/gadget/entities', { id: 'delta', title: 'delta gadget', properties: { color: 'red', size: 2 } });
  await page.locator('[data-testid="dashboard-number"][data-value="4"]').waitFor();
  expect(await number.textContent()).toBe('4');
  await page.locator('[data-testid="dashboard-chart"][data-summary="blue: 2, red: 2"]').waitFor();

  // Ann makes it her Home.
  await page.getByRole('button', { name: 'Show on Home' }).click();
  await page.getByRole('button', { name: 'Shown on Home' }).waitFor();
  await page.goto(portal.url);
  await page.getByRole('heading', { name: 'Payments gadgets', level: 1 }).waitFor();
  await page.locator('[data-testid="dashboard-number"][data-value="4"]').waitFor();
  await page.context().close();
});

test('Bob, in another team, opens the shared URL on a phone and a desk, light and dark, and may not edit it', async () => {
  for (const [width, mode] of [[360, 'light'], [360, 'dark'], [1400, 'dark']] as const) {
    const page = await pageAs('bob', width, mode);
    await page.goto(dashboardUrl);
    await page.getByRole('heading', { name: 'Payments gadgets', level: 1 }).waitFor();
    await page.locator('[data-testid="dashboard-number"][data-value="4"]').waitFor();
    await page.getByRole('region', { name: 'All gadgets' }).getByRole('link', { name: 'beta gadget' }).waitFor();
    expect(await page.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);
    await expectFitsWidth(page);
    await screenshot(page, `dashboards-shared-${width}-${mode}`);
    // Home is still Bob's own, the built-in one; his list has none of his own yet.
    await page.goto(portal.url);
    await page.getByRole('heading', { name: /^Welcome/, level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Dashboards' }).click();
    await page.getByRole('button', { name: 'New dashboard' }).waitFor();
    await page.getByText('No dashboards of yours or your teams yet').waitFor();
    // The pointer would rest on "New dashboard", which took the clicked button's place: audit it at rest.
    await page.mouse.move(1, 600);
    await expectFitsWidth(page);
    await screenshot(page, `dashboards-list-${width}-${mode}`);
    await page.context().close();
  }
});

test('no page error anywhere', () => {
  expect(pageErrors).toEqual([]);
});
