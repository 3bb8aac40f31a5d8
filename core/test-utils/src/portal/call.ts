/**
 * A JSON answer: status, parsed body (the text when it is not JSON) and headers.
 * @alpha
 */
export interface JsonResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * One JSON request to `baseUrl + path`; never throws on an HTTP error status.
 * @alpha
 */
export async function call<T = any>(baseUrl: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonResponse<T>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // keep the text
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}
