import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startPortal, type Portal } from '@portico/kernel';
import { deleteRedisKeys, launchBrowser, openPage } from '@portico/test-utils';

// The portal's live API reference (/api/docs, Redoc served by the portal) in a real browser:
// the plugin's routes appear with the schemas they declare, under the portal's CSP.

jest.setTimeout(120_000);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const keyPrefix = `test:cicd-api-docs:${randomUUID()}:`;
const pluginsDir = join(__dirname, '..', '..', '..');
let portal: Portal;
let browser: Browser;

beforeAll(async () => {
  portal = await startPortal({
    config: {
      auth: { guest: true },
      plugins: [{ path: join(pluginsDir, 'software-catalog') }, { path: join(pluginsDir, 'cicd'), config: { github: { simulated: true } } }],
    },
    port: 0,
    redisUrl,
    keyPrefix,
    strict: true,
    ui: false,
    conditions: ['source'],
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await portal?.close();
  await deleteRedisKeys([keyPrefix], redisUrl);
});

it("renders the live API reference with a plugin route and its request schema, under the portal's CSP", async () => {
  const errors: string[] = [];
  const page = await openPage(browser, errors);
  const outside: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(portal.url) && !/^(data|blob):/.test(request.url())) outside.push(request.url());
  });
  const response = await page.goto(`${portal.url}/api/docs`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toMatch(/worker-src 'self' blob:/);

  // The plugin's operations, under its tag in Redoc's menu, by the summaries they declare; then one's body schema.
  await page.getByRole('menuitem', { name: 'plugin:cicd' }).click();
  await page.getByRole('menuitem', { name: /Deployments per service and environment/ }).waitFor();
  await page.getByRole('menuitem', { name: /Record a deployment reported by CI/ }).click();
  const operation = page.locator('[id="operation/cicd.post_deployments"]');
  await operation.getByText('/plugins/cicd/deployments').first().waitFor();
  for (const field of ['service', 'environment', 'version', 'externalId']) await operation.getByText(field, { exact: true }).first().waitFor();
  await operation.getByText("The CI system's id of the deployment: a report with the same id updates it").waitFor();

  // Redoc's one reach outside the portal is the logo of its "API docs by Redocly" credit; the CSP
  // blocks it (Redoc then hides the image) and nothing else is refused or fetched elsewhere.
  expect(errors.filter((error) => !error.includes("Loading the image 'https://cdn.redoc.ly/redoc/logo-mini.svg' violates"))).toEqual([]);
  expect(outside.filter((url) => url !== 'https://cdn.redoc.ly/redoc/logo-mini.svg')).toEqual([]);
});
