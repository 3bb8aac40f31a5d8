import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { deleteKeys, newKeyPrefix, startTestPortal, type TestPortal } from './support/test-portal';

// The Tokens page, for a person and for the guest. No sign-in flow exists in this test: the
// browser sends a config token of kind user (a person's token) on every request through
// playwright's extraHTTPHeaders, which the portal treats as that person, as a script would be.
jest.setTimeout(90_000);
const keyPrefix = newKeyPrefix('tokens');
const ALICE_CONFIG_TOKEN = 'alice-browser-config-token';
let portal: TestPortal;
let browser: Browser;
const pageErrors: string[] = [];

async function api(path: string, token: string): Promise<Response> {
  return fetch(`${portal.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
}

beforeAll(async () => {
  portal = await startTestPortal(
    {
      plugins: [],
      auth: {
        guest: { roles: ['viewer'] },
        tokens: [{ name: 'alice', sha256: createHash('sha256').update(ALICE_CONFIG_TOKEN).digest('hex'), kind: 'user', teams: ['platform'], roles: ['developer'] }],
        apiTokens: { maxDays: 60 },
      },
    },
    { keyPrefix },
  );
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await portal?.close();
  await deleteKeys([keyPrefix]);
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

test('the guest sees no Tokens page in the navigation, and the page says why', async () => {
  const page = await openPage(browser, pageErrors);
  await page.goto(portal.url);
  await page.getByRole('link', { name: 'Runs' }).waitFor();
  expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tokens' }).count()).toBe(0);
  await page.goto(`${portal.url}/tokens`);
  await page.getByText('API tokens belong to signed-in people: the guest has none to make one.').waitFor();
  expect(await page.getByRole('button', { name: 'Create token' }).count()).toBe(0);
  await page.context().close();
});

test('a person makes a token, sees its value once, copies it, uses it and revokes it', async () => {
  const page: Page = await openPage(browser, pageErrors, { extraHTTPHeaders: { authorization: `Bearer ${ALICE_CONFIG_TOKEN}` } });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: portal.url });
  await page.goto(portal.url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tokens' }).click();
  await page.getByRole('heading', { name: 'API tokens' }).waitFor();
  await page.getByText('You have no API tokens.').waitFor();

  // Only alice's own permissions (developer) are offered, plus her teams.
  const form = page.getByRole('form', { name: 'New token' });
  expect(await form.getByRole('checkbox', { name: 'actions.run' }).count()).toBe(1);
  expect(await form.getByRole('checkbox', { name: 'admin' }).count()).toBe(0);
  expect(await form.getByRole('button', { name: 'Create token' }).isDisabled()).toBe(true);
  await form.getByRole('textbox', { name: 'Name' }).fill('CI deploys');
  await form.getByRole('checkbox', { name: 'actions.run' }).check();
  await form.getByRole('checkbox', { name: /^teams/ }).check();
  await form.getByRole('combobox', { name: 'Expires after' }).click();
  expect(await page.getByRole('option').allTextContents()).toEqual(['1 day', '7 days', '30 days', '60 days']);
  await page.getByRole('option', { name: '7 days' }).click();
  await form.getByRole('button', { name: 'Create token' }).click();

  const shown = page.getByTestId('new-token');
  await shown.getByText('this is the only time it is shown').waitFor();
  const value = await shown.getByRole('textbox', { name: 'Token value' }).inputValue();
  expect(value).toMatch(/^pat_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
  await shown.getByRole('button', { name: 'Copy' }).click();
  await shown.getByRole('button', { name: 'Copied' }).waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(value);
  await screenshot(page, 'tokens-01-created');

  // The token works, as alice's token holding only what it was given.
  const me = await (await api('/me', value)).json();
  expect(me).toMatchObject({ kind: 'token', via: 'api-token', owner: 'user:alice', teams: ['platform'], permissions: ['actions.run'] });

  // Once dismissed the value is gone for good: the list shows the token, not its value.
  await shown.getByRole('button', { name: 'Done' }).click();
  await page.reload();
  const row = page.getByRole('table', { name: 'Your tokens' }).getByRole('row').filter({ hasText: 'CI deploys' });
  await row.waitFor();
  expect(await row.getByRole('cell').nth(1).textContent()).toBe(value.slice(0, 'pat_'.length + 16));
  expect(await row.getByRole('cell').nth(5).textContent()).not.toBe('never');
  expect(await page.content()).not.toContain(value.slice('pat_'.length + 17));
  await screenshot(page, 'tokens-02-listed');

  await row.getByRole('button', { name: 'Revoke CI deploys' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
  await page.getByText('You have no API tokens.').waitFor();
  expect((await api('/me', value)).status).toBe(401);
  await page.context().close();
});
