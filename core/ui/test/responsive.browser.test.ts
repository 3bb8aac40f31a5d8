import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { expectFitsWidth } from '@portico/test-utils';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { deleteKeys, FIXTURES, newKeyPrefix, startTestPortal, type TestPortal } from './support/test-portal';

// Every main page on a phone (360 px) and a desktop (1400 px), in light and dark: the main
// controls are on screen and work, the page never scrolls sideways, and axe-core finds no
// WCAG 2 A/AA violation (screenshot() audits before it saves). One portal and one browser.
jest.setTimeout(120_000);
const keyPrefix = newKeyPrefix('responsive');
let portal: TestPortal;
let browser: Browser;
let runId: string;
const pageErrors: string[] = [];

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${portal.url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

beforeAll(async () => {
  portal = await startTestPortal({ auth: { guest: true }, plugins: [{ path: join(FIXTURES, 'widgets-plugin') }] }, { keyPrefix });
  await post('/kinds', {
    id: 'gadget',
    title: 'Gadget',
    schema: {
      type: 'object',
      properties: {
        size: { type: 'integer', title: 'Size' },
        color: { type: 'string', title: 'Color', enum: ['red', 'blue'] },
        homepage: { type: 'string', title: 'Homepage', format: 'url' },
        notes: { type: 'string', title: 'Notes', format: 'markdown' },
        maintainer: { type: 'string', title: 'Maintainer', format: 'user' },
      },
    },
  });
  const long = 'https://gadgets.example.com/a/rather/long/path/that/would/push/a/phone/screen/sideways';
  await post('/kinds/gadget/entities', { id: 'alpha', title: 'Alpha Gadget with a long enough title to wrap', properties: { size: 1, color: 'red', homepage: long, notes: 'Plain **notes**', maintainer: 'user:alice' } });
  for (const id of ['beta', 'gamma']) await post('/kinds/gadget/entities', { id, title: `${id} gadget`, properties: { size: 2, color: 'blue' } });
  const run = await post<{ id: string }>('/actions/uitest.greet/runs', { entity: { kind: 'gadget', id: 'alpha' }, inputs: { greeting: 'Hello' } });
  runId = run.id;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await portal?.close();
  await deleteKeys([keyPrefix]);
});

/** Waits until an element stops moving (a drawer or menu sliding in), then returns its box. */
async function settledBox(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  await locator.waitFor();
  let last = JSON.stringify(await locator.boundingBox());
  for (let i = 0; i < 100; i++) {
    await locator.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const now = JSON.stringify(await locator.boundingBox());
    if (now === last && now !== 'null') return JSON.parse(now);
    last = now;
  }
  throw new Error(`${locator} kept moving`);
}

/** Visible and entirely inside the viewport's width (reachable without scrolling sideways). */
async function expectOnScreen(locator: Locator, width: number): Promise<void> {
  const box = await settledBox(locator);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
}

const VIEWS = [
  { width: 360, mode: 'light' as const },
  { width: 360, mode: 'dark' as const },
  { width: 1400, mode: 'light' as const },
  { width: 1400, mode: 'dark' as const },
];

describe.each(VIEWS)('at $width px, $mode', ({ width, mode }) => {
  const phone = width < 900;
  const name = (pageName: string): string => `responsive-${width}-${mode}-${pageName}`;
  let page: Page;

  beforeAll(async () => {
    page = await openPage(browser, pageErrors, { viewport: { width, height: 800 }, colorScheme: mode });
  });
  afterAll(async () => {
    await page?.context().close();
  });

  test('Home: navigation, search and the theme switch', async () => {
    await page.goto(portal.url);
    await page.getByTestId('home-widget').waitFor();
    await expectOnScreen(page.getByRole('heading', { name: /^Welcome/, level: 1 }), width);
    // The OS preference picks the theme until the person chooses one.
    await expectOnScreen(page.getByRole('button', { name: mode === 'dark' ? 'Switch to light theme' : 'Switch to dark theme' }), width);
    await expectFitsWidth(page);
    await screenshot(page, name('home'));
    if (phone) {
      expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Open navigation' }).click();
      const nav = page.getByRole('navigation', { name: 'Main' });
      await expectOnScreen(nav.getByRole('link', { name: 'Self-service' }), width);
      await screenshot(page, name('home-navigation'));
      await page.keyboard.press('Escape');
      await nav.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Search entities' }).click();
    } else {
      await expectOnScreen(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Self-service' }), width);
      expect(await page.getByRole('button', { name: 'Open navigation' }).count()).toBe(0);
    }
    const search = page.getByRole('combobox', { name: 'Search entities' });
    await expectOnScreen(search, width);
    await search.fill('beta');
    await expectOnScreen(page.getByRole('option', { name: /beta gadget/ }), width);
    await screenshot(page, name('home-search'));
    await page.getByRole('option', { name: /beta gadget/ }).click();
    await page.waitForURL(/\/catalog\/gadget\/beta$/);
  });

  test('Catalog: the kind, search, filters and the table with its key column', async () => {
    await page.goto(`${portal.url}/catalog/gadget`);
    const table = page.getByRole('table', { name: 'Gadget entities' });
    await table.locator('[role="row"][data-row-index="2"]').waitFor();
    await expectOnScreen(page.getByRole('button', { name: 'New Gadget' }), width);
    await expectOnScreen(page.getByRole('textbox', { name: 'Search Gadget by title or id' }), width);
    await expectOnScreen(page.getByRole('button', { name: 'Add filter' }), width);
    if (phone) await expectOnScreen(page.getByRole('combobox', { name: 'Kind' }), width);
    else await expectOnScreen(page.getByRole('list', { name: 'Kinds' }), width);
    const firstTitle = table.locator('[role="row"][data-row-index="0"] [role="cell"]').first();
    await expectOnScreen(firstTitle, width);
    await expectFitsWidth(page);
    await screenshot(page, name('catalog'));
    // On a phone the other columns scroll inside the table; the title stays where it is.
    const scroller = page.getByTestId('entity-table-scroller');
    const { scrollWidth, clientWidth } = await scroller.evaluate((box) => ({ scrollWidth: box.scrollWidth, clientWidth: box.clientWidth }));
    if (phone) {
      expect(scrollWidth).toBeGreaterThan(clientWidth);
      const before = (await settledBox(firstTitle)).x;
      await scroller.evaluate((box) => box.scrollBy({ left: 200 }));
      await page.waitForFunction(() => (document.querySelector('[data-testid="entity-table-scroller"]')?.scrollLeft ?? 0) > 0);
      expect((await settledBox(firstTitle)).x).toBe(before);
      await expectOnScreen(firstTitle.getByRole('link'), width);
    }
  });

  test('Entity page: the header wraps, properties show, the Actions menu opens', async () => {
    await page.goto(`${portal.url}/catalog/gadget/alpha`);
    await expectOnScreen(page.getByRole('heading', { name: 'Alpha Gadget with a long enough title to wrap', level: 1 }), width);
    await expectOnScreen(page.getByRole('button', { name: 'Edit' }), width);
    await expectOnScreen(page.getByRole('button', { name: 'Delete' }), width);
    const actions = page.getByRole('button', { name: 'Actions (1)' });
    await expectOnScreen(actions, width);
    for (const property of ['size', 'color', 'homepage', 'notes', 'maintainer']) await expectOnScreen(page.locator(`[data-property="${property}"] dd`), width);
    await expectOnScreen(page.getByRole('tab', { name: 'Gadget tab' }), width);
    await page.getByTestId('gadget-card').waitFor();
    await expectFitsWidth(page);
    await screenshot(page, name('entity'));
    await actions.click();
    const item = page.getByRole('menu', { name: 'Actions for alpha' }).getByRole('menuitem', { name: /Greet a gadget/ });
    await expectOnScreen(item, width);
    // Its description wraps inside the menu rather than running off a phone's screen.
    await expectOnScreen(item.getByText('Writes a few log lines and an output'), width);
    await screenshot(page, name('entity-actions'));
    await item.click();
    await page.waitForURL(/\/self-service\/uitest\.greet\?entity=gadget%3Aalpha$/);
  });

  test('Action form: every field and Run fit the screen', async () => {
    await page.goto(`${portal.url}/self-service/uitest.greet?entity=gadget%3Aalpha`);
    const greeting = page.getByRole('textbox', { name: /Greeting/ });
    await expectOnScreen(greeting, width);
    await expectOnScreen(page.getByRole('combobox', { name: /Target gadget/ }), width);
    await expectOnScreen(page.getByRole('button', { name: 'Run' }), width);
    await greeting.fill('Hi');
    await expectFitsWidth(page);
    await screenshot(page, name('action-form'));
  });

  test('Run page: status, its announcement, inputs and the log', async () => {
    await page.goto(`${portal.url}/runs/${runId}`);
    await page.locator('[data-status="succeeded"]').waitFor();
    await expectOnScreen(page.getByRole('heading', { name: `Run ${runId}`, level: 1 }), width);
    await expectOnScreen(page.locator('[data-status="succeeded"]'), width);
    const log = page.getByRole('log', { name: 'Run log' });
    await log.getByText('Hello, Alpha Gadget with a long enough title to wrap!').waitFor();
    await expectOnScreen(log, width);
    expect(await page.getByTestId('run-status-announcement').textContent()).toBe('Run succeeded');
    await expectFitsWidth(page);
    await screenshot(page, name('run'));
  });

  test('Self-service, Runs and Admin fit too', async () => {
    await page.goto(`${portal.url}/self-service`);
    await expectOnScreen(page.getByRole('link', { name: /Greet a gadget/ }), width);
    await expectFitsWidth(page);
    await screenshot(page, name('self-service'));
    await page.goto(`${portal.url}/runs`);
    await expectOnScreen(page.getByRole('table', { name: 'Runs' }).getByRole('link', { name: runId }), width);
    await expectFitsWidth(page);
    await screenshot(page, name('runs'));
    await page.goto(`${portal.url}/admin`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    // Sections beyond the width scroll into view rather than being cut off.
    await page.getByRole('tab', { name: 'Roles' }).scrollIntoViewIfNeeded();
    await expectOnScreen(page.getByRole('tab', { name: 'Roles' }), width);
    await expectFitsWidth(page);
    await screenshot(page, name('admin'));
  });
});

test('no page error on any of them', () => {
  expect(pageErrors).toEqual([]);
});
