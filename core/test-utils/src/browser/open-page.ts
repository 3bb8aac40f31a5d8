import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

/**
 * A page in a fresh context that records every uncaught page error and every Content-Security-
 * Policy violation in `errors`, so a test can fail on them. `token` signs every request in.
 * @alpha
 */
export async function openPage(browser: Browser, errors: string[], options: BrowserContextOptions & { token?: string } = {}): Promise<Page> {
  const { token, ...contextOptions } = options;
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    ...contextOptions,
    ...(token ? { extraHTTPHeaders: { ...(contextOptions.extraHTTPHeaders ?? {}), authorization: `Bearer ${token}` } } : {}),
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  return page;
}
