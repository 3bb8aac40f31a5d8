import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPortal } from '../portal/start-portal';

/**
 * `portico openapi`: the portal's OpenAPI document with the config's plugins loaded, for
 * client generators and the API lint, without serving anything: the portal starts on a
 * free loopback port with a throwaway embedded store, and stops once the document is out.
 */
export async function writeOpenApi(options: { configPath: string; out?: string; strict?: boolean }): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'portico-openapi-'));
  const portal = await startPortal({ configPath: options.configPath, port: 0, host: '127.0.0.1', ui: false, redisUrl: null, dataDir, strict: options.strict, inProcessWorker: false });
  try {
    const text = `${JSON.stringify(portal.openapi, null, 2)}\n`;
    if (options.out) writeFileSync(options.out, text);
    else process.stdout.write(text);
  } finally {
    await portal.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
