import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

let axeSource: string | undefined;

/**
 * The rule sets checked: WCAG 2.0 and 2.1, levels A and AA.
 * @alpha
 */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** @alpha */
export interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
/**
 * What axe-core reports for one broken rule (the fields a failure message needs).
 * @alpha
 */
export interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/**
 * One line per offending element, so a failing test says what to fix and where.
 * @alpha
 */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes.slice(0, 5).map((node) => `    at ${node.target.join(' ')}: ${node.html.slice(0, 160)}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`);
      const more = violation.nodes.length > 5 ? [`    … and ${violation.nodes.length - 5} more`] : [];
      return [`  ${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help}`, ...nodes, ...more].join('\n');
    })
    .join('\n');
}

/**
 * Runs axe-core's WCAG 2 A and AA rules inside the page and throws when any is violated,
 * naming each rule and element. axe is evaluated through the DevTools protocol, so the
 * portal's Content-Security-Policy stays as strict as in production.
 * @alpha
 */
export async function expectAccessible(page: Page, where = page.url()): Promise<void> {
  // A colour caught halfway through a CSS transition (a button turning enabled) is not the page's colour.
  await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime))).map((a) => a.finished.catch(() => undefined))));
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate((axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')));
  const violations = await page.evaluate(
    async (tags) => {
      const { axe: inPage } = window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: AxeViolation[] }> } };
      const result = await inPage.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })) }));
    },
    WCAG_AA_TAGS,
  );
  if (violations.length > 0) throw new Error(`axe-core found ${violations.length} WCAG 2 A/AA violation(s) on ${where}:\n${describeViolations(violations)}`);
}
