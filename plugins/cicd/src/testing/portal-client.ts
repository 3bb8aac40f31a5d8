/** Small JSON-over-HTTP helpers for integration tests that drive a real portal. */
export interface JsonResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

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

/** Polls until `probe` returns a value other than undefined/null/false, or fails with what it last saw. */
export async function eventually<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== null && value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface CapturedLine {
  level: string;
  message: string;
  fields: Record<string, unknown>;
}

/** A portal logger that keeps lines in memory, so a failing test can show what the portal said. */
export function captureLogger(lines: CapturedLine[], base: Record<string, unknown> = {}): import('@portico/plugin-api').LoggerService {
  const at = (level: string) => (message: string, fields: Record<string, unknown> = {}): void => {
    lines.push({ level, message, fields: { ...base, ...fields } });
    if (process.env.PORTICO_TEST_LOG) console.log(level, message, JSON.stringify({ ...base, ...fields }));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: (fields) => captureLogger(lines, { ...base, ...fields }) };
}
