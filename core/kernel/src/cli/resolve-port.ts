/**
 * The port `portico start` listens on: `--port` wins over the PORT environment variable,
 * which wins over `portal.port` in the config (returned as undefined here).
 */
export function resolvePort(flag: string | undefined, env: string | undefined): { port?: number; error?: string } {
  const text = flag ?? (env || undefined);
  if (text === undefined) return {};
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    const source = flag !== undefined ? '--port' : 'The PORT environment variable';
    return { error: `${source} must be a number from 0 to 65535 (got "${text}").` };
  }
  return { port };
}
