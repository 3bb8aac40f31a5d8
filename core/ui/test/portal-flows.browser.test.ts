import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { deleteKeys, FIXTURES, newKeyPrefix, startTestPortal, type TestPortal } from './support/test-portal';

// The main flows, in order, in one browser page against a portal on real Redis.
jest.setTimeout(90_000);
const keyPrefix = newKeyPrefix('flows');
let portal: TestPortal;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const GADGET_KIND = {
  id: 'gadget',
  title: 'Gadget',
  description: 'Things the browser tests make',
  schema: {
    type: 'object',
    properties: {
      color: { type: 'string', title: 'Color', enum: ['red', 'blue'] },
      size: { type: 'integer', title: 'Size' },
      homepage: { type: 'string', title: 'Homepage', format: 'url' },
      notes: { type: 'string', title: 'Notes', format: 'markdown' },
      expires: { type: 'string', title: 'Expires', format: 'timer' },
      maintainer: { type: 'string', title: 'Maintainer', format: 'user' },
    },
  },
  relations: { partOf: { target: 'gadget', title: 'Part of', inverse: 'parts', inverseTitle: 'Parts' } },
};

async function api(path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${portal.url}/api/v1${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

beforeAll(async () => {
  portal = await startTestPortal({ auth: { guest: true }, plugins: [{ path: join(FIXTURES, 'widgets-plugin') }, { path: join(FIXTURES, 'future-plugin') }] }, { keyPrefix });
  browser = await launchBrowser();
  page = await openPage(browser, pageErrors);
});

afterAll(async () => {
  await browser?.close();
  await portal?.close();
  await deleteKeys([keyPrefix]);
});

test('home shows plugin widgets and refuses the bundle built for another ui-api', async () => {
  await page.goto(portal.url);
  await page.getByTestId('home-widget').waitFor();
  // This portal lets anyone in as the dev guest, and every page says so.
  expect(await page.getByTestId('guest-badge').textContent()).toBe('Guest (dev mode)');
  await page.getByTestId('bundle-refused').first().waitFor();
  expect(await page.getByTestId('bundle-refused').first().textContent()).toContain('Plugin "future" UI was built for @portico/ui-api ^9.0.0');
  expect(await page.getByTestId('future-widget').count()).toBe(0);
  await screenshot(page, '01-home');
});

test('creates a kind in Admin, with validation feedback first', async () => {
  await page.getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('button', { name: 'New kind' }).click();
  const editor = page.getByRole('textbox', { name: 'New kind (JSON)' });
  await editor.fill('{"id": "Bad Id", "title": ""');
  await page.getByText(/Not valid JSON/).waitFor();
  expect(await page.getByRole('button', { name: 'Create kind' }).isDisabled()).toBe(true);
  await editor.fill(JSON.stringify({ ...GADGET_KIND, id: 'Bad Id' }));
  await page.getByText('"id" must be lower-case letters, digits and dashes, starting with a letter.').waitFor();
  // The server's own validation shows too: a relation to a kind that does not exist.
  await editor.fill(JSON.stringify({ ...GADGET_KIND, relations: { partOf: { target: 'no-such-kind' } } }));
  await page.getByRole('button', { name: 'Create kind' }).click();
  const problem = page.getByRole('alert').filter({ hasText: 'no-such-kind' });
  await problem.waitFor();
  await screenshot(page, '02a-admin-kind-invalid');
  await editor.fill(JSON.stringify(GADGET_KIND, null, 2));
  await page.getByRole('button', { name: 'Create kind' }).click();
  await page.getByText('Kind "gadget" saved.').waitFor();
  await screenshot(page, '02-admin-kinds');
});

test('creates an entity through the form generated from the kind schema', async () => {
  // Neighbours created through the API, so search and filters have something to leave out.
  await api('/kinds/gadget/entities', { id: 'widget-blue', title: 'Blue Widget', properties: { color: 'blue', size: 2 } });
  await api('/kinds/gadget/entities', { id: 'sprocket-red', title: 'Red Sprocket', properties: { color: 'red', size: 3 } });
  await page.getByRole('link', { name: 'Catalog' }).click();
  await page.getByRole('link', { name: /Gadget/ }).first().click();
  await page.getByRole('button', { name: 'New Gadget' }).click();
  const dialog = page.getByRole('dialog', { name: 'New Gadget' });
  await dialog.locator('#root_id').fill('rocket');
  await dialog.locator('#root_title').fill('Rocket Gadget');
  await dialog.locator('#root_properties_size').fill('7');
  await dialog.locator('#root_properties_homepage').fill('https://rocket.example.com');
  await dialog.locator('#root_properties_notes').fill('Fast **and** loud');
  await screenshot(page, '03-create-entity');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await page.waitForURL(/\/catalog\/gadget\/rocket$/);
  await page.getByRole('heading', { name: 'Rocket Gadget', level: 1 }).waitFor();
  // Properties rendered by format: a link for the url, Markdown for notes.
  await page.getByRole('link', { name: 'https://rocket.example.com' }).waitFor();
  expect(await page.locator('[data-property="notes"] strong').textContent()).toBe('and');
});

test('finds the entity through the global search', async () => {
  await page.goto(`${portal.url}/`);
  const search = page.getByRole('combobox', { name: 'Search entities' });
  await search.fill('Rocket');
  await page.getByRole('option', { name: /Rocket Gadget/ }).waitFor();
  await screenshot(page, '04-global-search');
  await page.getByRole('option', { name: /Rocket Gadget/ }).click();
  await page.waitForURL(/\/catalog\/gadget\/rocket$/);
});

test("finds it through the catalog table's filter and facets", async () => {
  await page.goto(`${portal.url}/catalog/gadget`);
  const table = page.getByRole('table', { name: 'Gadget entities' });
  await table.locator('[role="row"][data-row-index]').nth(2).waitFor();
  expect(await table.getAttribute('data-total')).toBe('3');
  // Filter bar: Title equals "Rocket Gadget".
  await page.getByLabel('Value').fill('Rocket Gadget');
  await page.getByRole('button', { name: 'Add filter' }).click();
  await page.getByRole('button', { name: 'title equals "Rocket Gadget"' }).waitFor();
  await page.waitForFunction(() => document.querySelector('[role="table"]')?.getAttribute('data-total') === '1');
  expect(await table.locator('[role="row"][data-row-index]').allInnerTexts()).toEqual([expect.stringContaining('Rocket Gadget')]);
  // The plugin's catalog column renders inside the row.
  await table.locator('[role="row"][data-row-index]').first().getByText('ROCKET GADGET', { exact: true }).waitFor();
  await screenshot(page, '05-catalog-filtered');
  // Remove it, then filter by the "color: red" facet chip instead.
  await page.getByRole('button', { name: 'title equals "Rocket Gadget"' }).locator('svg').click();
  await page.waitForFunction(() => document.querySelector('[role="table"]')?.getAttribute('data-total') === '3');
  await page.getByRole('button', { name: /^color: red \(1\)$/ }).click();
  await page.waitForFunction(() => document.querySelector('[role="table"]')?.getAttribute('data-total') === '1');
  expect(await table.locator('[role="row"][data-row-index]').first().innerText()).toContain('Red Sprocket');
  // Sorting by a column asks the server again.
  await page.getByRole('button', { name: 'color equals "red"' }).locator('svg').click();
  await page.waitForFunction(() => document.querySelector('[role="table"]')?.getAttribute('data-total') === '3');
  // Clicks a column's sort button, waits for the expected first row, and checks the column's order.
  const sortBy = async (column: string, firstRow: string, order: 'ascending' | 'descending'): Promise<void> => {
    const header = page.getByRole('columnheader', { name: column });
    await header.getByRole('button').click();
    await page.waitForFunction((text) => document.querySelector('[role="row"][data-row-index="0"]')?.textContent?.includes(text), firstRow);
    expect(await header.getAttribute('aria-sort')).toBe(order);
  };
  await sortBy('Size', 'Blue Widget', 'ascending');
  await sortBy('Size', 'Rocket Gadget', 'descending');
  // Titles sort too: Blue Widget, Red Sprocket, Rocket Gadget, then the other way round.
  await sortBy('Title', 'Blue Widget', 'ascending');
  await sortBy('Title', 'Rocket Gadget', 'descending');
  expect(await table.locator('[role="row"][data-row-index]').allInnerTexts()).toEqual([expect.stringContaining('Rocket Gadget'), expect.stringContaining('Red Sprocket'), expect.stringContaining('Blue Widget')]);
});

test("opens its page and sees the test plugin's card and tab, with the broken widget isolated", async () => {
  await page.getByRole('link', { name: 'Rocket Gadget' }).click();
  await page.waitForURL(/\/catalog\/gadget\/rocket$/);
  await page.getByTestId('gadget-card').waitFor();
  expect(await page.getByTestId('gadget-card').textContent()).toBe('Plugin card for Rocket Gadget');
  // The broken card becomes a small error card; the page and the other card keep working.
  const broken = page.getByTestId('widget-error');
  await broken.waitFor();
  expect(await broken.textContent()).toContain('Broken card failed');
  expect(await broken.textContent()).toContain('this widget is broken on purpose');
  await page.getByRole('button', { name: 'Clicked 0' }).click();
  await page.getByRole('button', { name: 'Clicked 1' }).waitFor();
  await screenshot(page, '06-entity-overview');
  await page.getByRole('tab', { name: 'Gadget tab' }).click();
  await page.getByTestId('gadget-tab').getByRole('link', { name: 'Red Sprocket' }).waitFor();
  expect(await page.getByTestId('gadget-tab').getByRole('link').allInnerTexts()).toEqual(expect.arrayContaining(['Rocket Gadget', 'Blue Widget', 'Red Sprocket']));
  await screenshot(page, '07-entity-tab');
});

test('shows relations both ways with a graph, and formats timers and users', async () => {
  const expires = new Date(Date.now() + 2 * 86_400_000 + 3_600_000).toISOString();
  await api('/kinds/gadget/entities', { id: 'booster', title: 'Booster', properties: { expires, maintainer: 'user:alice' }, relations: { partOf: 'rocket' } });
  await page.goto(`${portal.url}/catalog/gadget/rocket`);
  await page.getByRole('link', { name: 'Booster' }).first().waitFor();
  await page.getByRole('figure', { name: 'Relations graph of Rocket Gadget: 1 related entities' }).waitFor();
  await screenshot(page, '08a-entity-relations');
  await page.getByRole('link', { name: 'Booster' }).first().click();
  await page.waitForURL(/\/catalog\/gadget\/booster$/);
  await page.getByRole('link', { name: 'Rocket Gadget' }).first().waitFor();
  expect(await page.locator('[data-format="timer"]').textContent()).toMatch(/^2d 0[01]h \d\dm \d\ds$/);
  expect(await page.locator('[data-format="user"]').textContent()).toBe('alice');
  await screenshot(page, '08b-entity-formats');
  await page.goto(`${portal.url}/catalog/gadget/rocket`);
  await page.getByRole('heading', { name: 'Rocket Gadget', level: 1 }).waitFor();
});

test('runs an action through its form and watches the log reach succeeded', async () => {
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByRole('button', { name: /^Actions/ }).click();
  const menu = page.getByRole('menu', { name: 'Actions for rocket' });
  // Only actions offered for this entity: the global "Guarded operation" is not listed.
  expect(await menu.getByRole('menuitem').allInnerTexts()).toEqual([expect.stringContaining('Greet a gadget')]);
  await menu.getByRole('menuitem', { name: /Greet a gadget/ }).click();
  await page.waitForURL(/\/self-service\/uitest\.greet\?entity=gadget%3Arocket$/);
  // Validation from the schema: too short a greeting is refused before anything is sent.
  await page.locator('#root_greeting').fill('H');
  await page.getByRole('button', { name: 'Run' }).click();
  await page.getByText(/must NOT have fewer than 2 characters/).first().waitFor();
  await page.locator('#root_greeting').fill('Hello');
  // The entity picker searches the catalog.
  await page.locator('#root_friend').fill('Blue');
  await page.getByRole('option', { name: 'Blue Widget (widget-blue)' }).click();
  // A plugin's `form.fields` widget renders the input named by `x-portico-widget`.
  await page.getByRole('group', { name: 'Mood' }).getByRole('button', { name: 'grumpy' }).click();
  await page.getByRole('button', { name: 'grumpy', pressed: true }).waitFor();
  await screenshot(page, '08-action-form');
  await page.getByRole('button', { name: 'Run' }).click();
  await page.waitForURL(/\/runs\/[^/]+$/);
  const log = page.getByRole('log', { name: 'Run log' });
  await log.getByText('Hello, Rocket Gadget!').waitFor();
  await page.locator('[data-status="succeeded"]').waitFor();
  await log.getByText('friend: widget-blue').waitFor();
  await log.getByText('mood: grumpy').waitFor();
  await log.getByText(/run ended/).waitFor();
  await page.getByRole('link', { name: 'Greeting card' }).waitFor();
  await screenshot(page, '09-run-succeeded');
});

test('approves a run that needs approval', async () => {
  await page.getByRole('link', { name: 'Self-service' }).click();
  // Actions grouped by plugin, then kind.
  const group = page.getByRole('region', { name: 'Actions of plugin uitest' });
  await group.getByRole('link', { name: /Greet a gadget/ }).waitFor();
  expect(await group.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual(['GADGET', 'GLOBAL']);
  await screenshot(page, '10a-self-service');
  await page.getByRole('link', { name: /Guarded operation/ }).click();
  await page.locator('#root_reason').fill('release day');
  await page.getByRole('button', { name: 'Run' }).click();
  await page.waitForURL(/\/runs\/[^/]+$/);
  await page.locator('[data-status="waiting_for_approval"]').waitFor();
  await screenshot(page, '10-run-waiting-for-approval');
  await page.getByRole('region', { name: 'Approval' }).getByLabel('Comment').fill('ship it');
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.locator('[data-status="succeeded"]').waitFor();
  await page.getByRole('log', { name: 'Run log' }).getByText('approved work done: release day').waitFor();
  await page.getByText(/guest approved .* — “ship it”/).waitFor();
  await screenshot(page, '11-run-approved');
  await page.getByRole('link', { name: 'Runs' }).click();
  const runs = page.getByRole('table', { name: 'Runs' });
  await runs.getByText('uitest.guarded').waitFor();
  expect(await runs.getByText('uitest.greet').count()).toBe(1);
  await screenshot(page, '11a-runs');
});

test('declines a run that needs approval', async () => {
  await page.goto(`${portal.url}/self-service/uitest.guarded`);
  await page.locator('#root_reason').fill('not today');
  await page.getByRole('button', { name: 'Run' }).click();
  await page.waitForURL(/\/runs\/[^/]+$/);
  await page.getByRole('button', { name: 'Decline' }).click();
  await page.locator('[data-status="declined"]').waitFor();
  await page.getByText(/guest declined/).waitFor();
  expect(await page.getByRole('log', { name: 'Run log' }).getByText('approved work done: not today').count()).toBe(0);
});

test('admin lists plugins and the slots they fill; a plugin page and the dark theme render', async () => {
  await page.goto(`${portal.url}/admin/plugins`);
  const plugins = page.getByRole('table', { name: 'Installed plugins' });
  await plugins.locator('[data-plugin="uitest"]').waitFor();
  expect(await plugins.locator('[data-plugin="uitest"]').innerText()).toMatch(/@portico-fixtures\/ui-widgets\s+1\.0\.0\s+running/);
  expect(await plugins.locator('[data-plugin="future"]').innerText()).toContain('refused');
  await screenshot(page, '12-admin-plugins');
  await page.getByRole('tab', { name: 'Slots' }).click();
  expect(await page.locator('[data-slot-admin="entity.cards"]').innerText()).toMatch(/Gadget card[\s\S]*Broken card/);
  expect(await page.locator('[data-slot-admin="form.fields"]').innerText()).toContain('Mood picker');
  expect(await page.locator('[data-slot-admin="nav.items"]').innerText()).toContain('empty');
  await screenshot(page, '13-admin-slots');
  await page.getByRole('link', { name: 'Test page' }).click();
  await page.getByTestId('plugin-page').waitFor();
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await page.getByRole('button', { name: 'Switch to light theme' }).waitFor();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(255, 255, 255)');
  await screenshot(page, '14-plugin-page-dark');
});

test('no page error escaped a widget boundary', () => {
  // The broken widget throws during render; React reports it to the boundary, not as a page error.
  expect(pageErrors).toEqual([]);
});
