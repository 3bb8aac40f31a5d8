import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { auditedScreenshot } from '@portico/test-utils';

export const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'screenshots');

/** Debian's Chromium, headless; no browser download ever. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** A page that fails the test on any uncaught page error or CSP violation except the ones a test expects. */
export async function openPage(browser: Browser, errors: string[], options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (error) => errors.push(error.message));
  // A script, style or request the portal's Content-Security-Policy blocks is an error too.
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  return page;
}

/**
 * Saves a full-page screenshot after checking the page against axe-core's WCAG 2 A/AA rules:
 * every state a browser test pictures is a state it audits.
 */
export function screenshot(page: Page, name: string): Promise<void> {
  return auditedScreenshot(page, SCREENSHOTS, name);
}
