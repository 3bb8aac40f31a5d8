import { canonicalJson } from '@portico/plugin-api';

/**
 * Requests the portal's index.html starts before the shell's JavaScript has loaded (the
 * kinds, the plugins, the first page of a catalog table), keyed by `preloadKey`. A request
 * the shell makes soon after takes the answer instead of asking again.
 */
interface Preloaded {
  at: number;
  response: Promise<Response>;
}

declare global {
  var __porticoPreload: Record<string, Preloaded> | undefined;
}

/** Older preloads are not used: the data may have changed since the page loaded. */
const FRESH_MS = 10_000;

export function preloadKey(method: string, url: string, body: unknown): string {
  return `${method} ${url} ${body === undefined ? '' : canonicalJson(body)}`;
}

/** The preloaded response for this request, once; undefined when there is none or it is stale. */
export function takePreloaded(key: string, now = Date.now()): Promise<Response> | undefined {
  const preloads = globalThis.__porticoPreload;
  const found = preloads?.[key];
  if (!found) return undefined;
  delete preloads[key];
  return now - found.at <= FRESH_MS ? found.response : undefined;
}
