import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { deleteKeys, FIXTURES, newKeyPrefix, startTestPortal, type TestPortal } from './support/test-portal';

// The main controls (search, table, actions menu, forms) work from the keyboard alone and
// expose accessible names screen readers announce.
jest.setTimeout(90_000);
const keyPrefix = newKeyPrefix('keyboard');
let portal: TestPortal;
let browser: Browser;
let page: Page;

async function post(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${portal.url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

/** Presses Tab until the focused element matches, failing after `max` presses. */
async function tabTo(predicate: (element: Element) => boolean, max = 40, on: Page = page): Promise<void> {
  for (let i = 0; i < max; i++) {
    await on.keyboard.press('Tab');
    const handle = await on.evaluateHandle(() => document.activeElement);
    if (await on.evaluate(predicate, handle as never)) return;
  }
  throw new Error(`nothing matching ${predicate} got focus after ${max} presses of Tab`);
}

beforeAll(async () => {
  portal = await startTestPortal({ auth: { guest: true }, plugins: [{ path: join(FIXTURES, 'widgets-plugin') }] }, { keyPrefix });
  await post('/kinds', { id: 'gadget', title: 'Gadget', schema: { type: 'object', properties: { size: { type: 'integer', title: 'Size' } } } });
  for (const [id, title] of [['alpha', 'Alpha Gadget'], ['beta', 'Beta Gadget'], ['gamma', 'Gamma Gadget']]) await post('/kinds/gadget/entities', { id, title, properties: { size: 1 } });
  browser = await launchBrowser();
  page = await openPage(browser, []);
});

afterAll(async () => {
  await browser?.close();
  await portal?.close();
  await deleteKeys([keyPrefix]);
});

test('main controls have accessible names', async () => {
  await page.goto(`${portal.url}/catalog/gadget`);
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await page.getByRole('combobox', { name: 'Search entities' }).waitFor();
  await page.getByRole('button', { name: 'Switch to dark theme' }).waitFor();
  await page.getByRole('list', { name: 'Kinds' }).waitFor();
  await page.getByRole('textbox', { name: 'Search Gadget by title or id' }).waitFor();
  await page.getByRole('form', { name: 'Add a filter' }).waitFor();
  const table = page.getByRole('table', { name: 'Gadget entities' });
  await table.getByRole('row').nth(3).waitFor();
  expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(['Title', 'Id', 'Size', 'Shout']);
  expect(await table.getAttribute('aria-rowcount')).toBe('4');
  expect(await table.getByRole('row').nth(1).getAttribute('aria-rowindex')).toBe('2');
});

test('global search: Tab to it, type, arrow down, Enter opens the entity', async () => {
  await page.goto(`${portal.url}/`);
  await page.getByTestId('home-widget').waitFor();
  await tabTo((element) => element.getAttribute('aria-label') === 'Search entities');
  await page.keyboard.type('Beta');
  await page.getByRole('option', { name: /Beta Gadget/ }).waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/catalog\/gadget\/beta$/);
});

test('table: arrow keys move between rows and Enter opens one', async () => {
  await page.goto(`${portal.url}/catalog/gadget`);
  const first = page.locator('[role="row"][data-row-index="0"] a');
  await first.waitFor();
  await first.focus();
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.activeElement?.closest('[data-row-index]')?.getAttribute('data-row-index') === '1');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.activeElement?.closest('[data-row-index]')?.getAttribute('data-row-index') === '2');
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction(() => document.activeElement?.textContent === 'Beta Gadget');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/catalog\/gadget\/beta$/);
});

test('actions menu and action form work from the keyboard', async () => {
  await page.goto(`${portal.url}/catalog/gadget/alpha`);
  await page.getByRole('heading', { name: 'Alpha Gadget', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Actions (1)' }).waitFor();
  await tabTo((element) => (element.textContent ?? '').startsWith('Actions'));
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Actions for alpha' });
  await menu.waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'menuitem');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/self-service\/uitest\.greet\?entity=gadget%3Aalpha$/);
  const greeting = page.getByRole('textbox', { name: /Greeting/ });
  await greeting.waitFor();
  await tabTo((element) => element.id === 'root_greeting');
  await page.keyboard.type('Howdy');
  await tabTo((element) => element.tagName === 'BUTTON' && element.textContent === 'Run');
  await screenshot(page, '20-keyboard-action-form');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/runs\/[^/]+$/);
  await page.getByRole('log', { name: 'Run log' }).getByText('Howdy, Alpha Gadget!').waitFor();
  await page.locator('[data-status="succeeded"]').waitFor();
  // The status change was put in a live region, and the log is a Tab stop so arrow keys scroll it.
  expect(await page.getByRole('status').filter({ hasText: /^Run succeeded$/ }).count()).toBe(1);
  await tabTo((element) => element.getAttribute('role') === 'log');
  await screenshot(page, '21-keyboard-run-page');
});

test('keyboard focus is visible: a two-pixel outline on links and controls', async () => {
  await page.goto(`${portal.url}/catalog/gadget`);
  await page.locator('[role="row"][data-row-index="0"] a').waitFor();
  await tabTo((element) => element.textContent === 'Alpha Gadget');
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline.style).toBe('solid');
  expect(outline.width).toBeGreaterThanOrEqual(2);
});

test('on a phone: the navigation drawer and the collapsed search work from the keyboard', async () => {
  const phone = await openPage(browser, [], { viewport: { width: 360, height: 800 } });
  try {
    await phone.goto(`${portal.url}/`);
    await phone.getByTestId('home-widget').waitFor();
    await tabTo((element) => element.getAttribute('aria-label') === 'Open navigation', 40, phone);
    await phone.keyboard.press('Enter');
    const nav = phone.getByRole('navigation', { name: 'Main' });
    await nav.waitFor();
    await tabTo((element) => element.textContent === 'Catalog', 10, phone);
    await phone.keyboard.press('Enter');
    await phone.waitForURL(/\/catalog\/gadget$/);
    await nav.waitFor({ state: 'detached' });
    await tabTo((element) => element.getAttribute('aria-label') === 'Search entities', 40, phone);
    await phone.keyboard.press('Enter');
    // The field opens focused: type, arrow down, Enter.
    await phone.waitForFunction(() => document.activeElement?.getAttribute('role') === 'combobox');
    await phone.keyboard.type('Gamma');
    await phone.getByRole('option', { name: /Gamma Gadget/ }).waitFor();
    await phone.keyboard.press('ArrowDown');
    await phone.keyboard.press('Enter');
    await phone.waitForURL(/\/catalog\/gadget\/gamma$/);
  } finally {
    await phone.context().close();
  }
});
