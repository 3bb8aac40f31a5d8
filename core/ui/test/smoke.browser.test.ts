import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { deleteKeys, FIXTURES, newKeyPrefix, startTestPortal, type TestPortal } from './support/test-portal';

const keyPrefix = newKeyPrefix('smoke');
let portal: TestPortal;
let browser: Browser;

beforeAll(async () => {
  portal = await startTestPortal({ plugins: [{ path: join(FIXTURES, 'widgets-plugin') }, { path: join(FIXTURES, 'future-plugin') }] }, { keyPrefix });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await portal?.close();
  await deleteKeys([keyPrefix]);
});

test('home shows a plugin widget', async () => {
  const errors: string[] = [];
  const page = await openPage(browser, errors);
  page.on('console', (m) => console.log('console', m.type(), m.text()));
  await page.goto(portal.url);
  await page.getByTestId('home-widget').waitFor();
  await screenshot(page, 'home');
  expect(errors).toEqual([]);
});
