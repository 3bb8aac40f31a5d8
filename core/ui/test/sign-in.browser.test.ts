import type { Browser, Page } from 'playwright-core';
import { sha256Hex } from '@portico/auth';
import { startLocalOidcProvider, type LocalOidcProvider } from '@portico/auth/testing';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { deleteKeys, newKeyPrefix, startTestPortal, type TestPortal } from './support/test-portal';

// Sign-in through a real OpenID Connect provider (oidc-provider, started for the test) into a
// portal with no guest: the sign-in page, the provider's form, Home with the person's teams from
// the catalog, editing an entity their team owns, refused one it doesn't, and signing out.
jest.setTimeout(90_000);
const keyPrefix = newKeyPrefix('sign-in');
const ADMIN = 'sign-in-test-admin';
let provider: LocalOidcProvider;
let portal: TestPortal;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

async function asAdmin(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${portal.url}/api/v1${path}`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

beforeAll(async () => {
  provider = await startLocalOidcProvider({ users: [{ id: 'alice', name: 'Alice Martin', email: 'alice@example.com' }], clients: [{ client_id: 'portal', client_secret: 'portal-secret' }] });
  portal = await startTestPortal(
    { plugins: [], auth: { tokens: [{ name: 'seeder', sha256: sha256Hex(ADMIN), roles: ['admin'] }], oidc: { issuer: provider.issuer, clientId: 'portal', clientSecret: 'portal-secret' } } },
    { keyPrefix },
  );
  await asAdmin('/kinds', { id: 'team', title: 'Team', schema: { type: 'object', properties: {} } });
  await asAdmin('/kinds', { id: 'user', title: 'User', schema: { type: 'object', properties: { email: { type: 'string' }, displayName: { type: 'string' } } }, relations: { memberOf: { target: 'team', many: true } } });
  await asAdmin('/kinds', { id: 'service', title: 'Service', ownerKind: 'team', schema: { type: 'object', properties: { tier: { type: 'integer', title: 'Tier' } } } });
  for (const id of ['checkout-team', 'catalog-team']) await asAdmin('/kinds/team/entities', { id, title: id });
  await asAdmin('/kinds/user/entities', { id: 'alice', title: 'Alice', properties: { email: 'alice@example.com', displayName: 'Alice Martin' }, relations: { memberOf: ['checkout-team'] } });
  await asAdmin('/kinds/service/entities', { id: 'cart', title: 'Cart Service', owner: 'checkout-team', properties: { tier: 1 } });
  await asAdmin('/kinds/service/entities', { id: 'search', title: 'Search Service', owner: 'catalog-team', properties: { tier: 1 } });
  browser = await launchBrowser();
  page = await openPage(browser, pageErrors);
});

afterAll(async () => {
  await browser?.close();
  await portal?.close();
  await provider?.stop();
  await deleteKeys([keyPrefix]);
});

test('a visitor gets the sign-in page, not errors, and signs in through the provider', async () => {
  await page.goto(`${portal.url}/catalog/service/cart`);
  await page.getByRole('button', { name: 'Sign in' }).or(page.getByRole('link', { name: 'Sign in' })).first().waitFor();
  expect(await page.getByText(/Unauthorized|401/).count()).toBe(0);
  await screenshot(page, 'sign-in-01-page');
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.waitForURL(`${provider.issuer}/**`);
  await page.getByLabel('User name').fill('alice');
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Back on the page the visitor asked for, signed in.
  await page.waitForURL(`${portal.url}/catalog/service/cart`);
  await page.getByRole('heading', { name: 'Cart Service', level: 1 }).waitFor();
  const who = page.getByTestId('signed-in-as');
  await who.waitFor();
  expect(await who.textContent()).toContain('Alice Martin');
  expect(await who.textContent()).toContain('checkout-team');
  expect(await page.getByTestId('guest-badge').count()).toBe(0);
});

test('Home shows the teams from the catalog and what they own', async () => {
  await page.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('heading', { name: 'Welcome, Alice Martin' }).waitFor();
  await page.getByRole('link', { name: 'checkout-team' }).first().waitFor();
  await page.getByRole('list', { name: 'Entities your teams own' }).getByRole('link', { name: 'Cart Service' }).waitFor();
  await screenshot(page, 'sign-in-02-home');
});

test("edits an entity the person's team owns through the Edit form", async () => {
  await page.goto(`${portal.url}/catalog/service/cart`);
  await page.getByRole('button', { name: 'Edit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit Cart Service' });
  await dialog.getByLabel('Tier').fill('2');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const stored = (await (await fetch(`${portal.url}/api/v1/kinds/service/entities/cart`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as { properties: { tier: number }; meta: { updatedBy: string } };
  expect(stored).toMatchObject({ properties: { tier: 2 }, meta: { updatedBy: 'user:alice' } });
});

test('is refused an entity another team owns: the UI says why, and the server refuses it', async () => {
  await page.goto(`${portal.url}/catalog/service/search`);
  await page.getByRole('heading', { name: 'Search Service', level: 1 }).waitFor();
  const edit = page.getByRole('button', { name: 'Edit' });
  await edit.waitFor();
  expect(await edit.isDisabled()).toBe(true);
  expect(await page.locator('[data-refusal]').first().getAttribute('data-refusal')).toContain('membership of the owning team "catalog-team"');
  // The same write sent from the page with the session cookie (what a tampered UI would send).
  const status = await page.evaluate(async () => {
    const response = await fetch('/api/v1/kinds/service/entities/search', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ properties: { tier: 3 } }) });
    return response.status;
  });
  expect(status).toBe(403);
  await screenshot(page, 'sign-in-03-refused');
});

test('signs out: the session ends and the sign-in page is back', async () => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('link', { name: 'Sign in' }).waitFor();
  const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
  expect(me).toBe(401);
  expect((await page.context().cookies()).some((cookie) => cookie.name === 'portico_session')).toBe(false);
  expect(pageErrors).toEqual([]);
});
