import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expectAccessible } from './expect-accessible';

/**
 * Saves a full-page screenshot `<dir>/<name>.png` after checking the page against axe-core's
 * WCAG 2 A/AA rules, so every state a browser test pictures is a state it audits.
 * @alpha
 */
export async function auditedScreenshot(page: Page, dir: string, name: string): Promise<void> {
  await expectAccessible(page, name);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
