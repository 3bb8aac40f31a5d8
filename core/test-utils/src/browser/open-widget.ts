import type { Browser, Locator, Page } from 'playwright-core';
import type { TestPortal } from '../portal/start-test-portal';
import { openPage } from './open-page';

/** @alpha */
export interface OpenWidgetOptions {
  /** The widget's id, as the plugin registers it. */
  widget: string;
  /** The entity page it renders on; it is created (or replaced) first when `properties` are given. */
  entity: { kind: string; id: string; title?: string; properties?: Record<string, unknown>; relations?: Record<string, unknown> };
  /** The test user the browser signs in as (see `startTestPortal({ users })`). */
  as: string;
  /** Page errors and CSP violations land here. */
  errors: string[];
}

/**
 * Renders a widget as a person sees it: writes the (fake) entity through the API, opens its page
 * in the shell and waits for the widget's container. The portal must serve the UI (`ui: true`).
 * @alpha
 */
export async function openWidget(browser: Browser, portal: TestPortal, options: OpenWidgetOptions): Promise<{ page: Page; widget: Locator }> {
  const { kind, id, title, properties, relations } = options.entity;
  if (properties) {
    const res = await portal.api('PUT', `/kinds/${encodeURIComponent(kind)}/entities/${encodeURIComponent(id)}`, { title: title ?? id, properties, ...(relations ? { relations } : {}) }, { as: options.as });
    if (res.status !== 200 && res.status !== 201) throw new Error(`writing ${kind} ${id} answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
  const page = await openPage(browser, options.errors, { token: portal.tokenOf(options.as) });
  await page.goto(`${portal.url}/catalog/${encodeURIComponent(kind)}/${encodeURIComponent(id)}`);
  const widget = page.locator(`[data-widget="${options.widget}"]`).first();
  await widget.waitFor();
  return { page, widget };
}
