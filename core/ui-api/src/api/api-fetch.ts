import { ApiError } from './api-error';
import { preloadKey, takePreloaded } from './take-preloaded';

/** @alpha */
export interface ApiFetchOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * Calls the portal API (`/api/v1` is prefixed unless the path already starts with `/api/`
 * or is absolute) and returns the parsed JSON. Non-2xx answers throw an `ApiError` carrying
 * the problem+json document, so callers can show the server's own words.
 * @alpha
 */
export async function apiFetch<T = unknown>(path: string, options: ApiFetchOptions = {}): Promise<T> {
  const url = /^https?:\/\//.test(path) || path.startsWith('/api/') ? path : `/api/v1${path.startsWith('/') ? '' : '/'}${path}`;
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const request = (): Promise<Response> =>
    fetch(url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), signal: options.signal, credentials: 'same-origin' });
  // A request index.html started while the JavaScript loaded (plain requests only).
  const preloaded = options.headers === undefined && (method === 'GET' || method === 'POST') ? takePreloaded(preloadKey(method, url, options.body)) : undefined;
  const response = preloaded ? await preloaded.catch(request) : await request();
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = { title: response.statusText || 'Invalid response', detail: text.slice(0, 200) };
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, (parsed && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>);
  }
  return parsed as T;
}
