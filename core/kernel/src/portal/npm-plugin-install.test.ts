import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, startLocalRegistry, type LocalRegistry } from '@portico/build-config/local-registry';

// Installs a plugin from a real registry into a fresh app and starts the BUILT `portico` CLI
// on it, the way a user does: no code edit, only `npm install` and a config line.
const repoRoot = resolve(__dirname, '..', '..', '..', '..');
const cli = join(repoRoot, 'core', 'kernel', 'dist', 'portico.mjs');
const pluginApiDir = join(repoRoot, 'core', 'plugin-api');
jest.setTimeout(120_000);

function npm(args: string[], cwd: string, registry: LocalRegistry): void {
  const result = spawnSync('npm', [...args, '--userconfig', registry.npmrc, '--registry', `${registry.url}/`, '--no-audit', '--no-fund', '--loglevel', 'error'], { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${result.stderr}`);
}

async function startCli(app: string): Promise<{ url: string; child: ChildProcess; exited: Promise<number | null> }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORTICO_CONDITIONS: '', LOG_LEVEL: 'warn' };
  delete env.REDIS_URL;
  const child = spawn(process.execPath, [cli, 'start', '--config', join(app, 'portico.config.yaml'), '--port', String(port)], { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // still starting
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`portico start did not become ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, child, exited };
}

describe('installing a plugin from npm', () => {
  let registry: LocalRegistry;
  let app: string;

  beforeAll(async () => {
    if (!existsSync(cli) || !existsSync(join(pluginApiDir, 'dist', 'index.mjs'))) {
      throw new Error('This test runs the built CLI: run "npm run build" first (npm test does).');
    }
    registry = await startLocalRegistry();
    npm(['publish', pluginApiDir], repoRoot, registry);
    npm(['publish', join(__dirname, '..', '__fixtures__', 'npm-plugin')], repoRoot, registry);
    app = mkdtempSync(join(tmpdir(), 'portico-app-'));
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'acme-portal', private: true }));
    writeFileSync(join(app, 'portico.config.yaml'), 'auth:\n  guest: true\nplugins:\n  - package: "@acme/portico-plugin-hello"\n');
  });

  afterAll(async () => {
    await registry?.stop();
    if (app) rmSync(app, { recursive: true, force: true });
  });

  it('loads after npm install and a restart, and is reported missing once uninstalled', async () => {
    npm(['install', '@acme/portico-plugin-hello@1.0.0'], app, registry);
    expect(existsSync(join(app, 'node_modules', '@portico', 'plugin-api', 'package.json'))).toBe(true);

    const first = await startCli(app);
    try {
      const plugins = (await (await fetch(`${first.url}/api/v1/plugins`)).json()) as { items: Array<Record<string, unknown>> };
      expect(plugins.items).toEqual([
        expect.objectContaining({ id: 'hello', packageName: '@acme/portico-plugin-hello', version: '1.0.0', status: 'running', warnings: [], contributions: expect.objectContaining({ kinds: ['greeting'] }) }),
      ]);
      expect(await (await fetch(`${first.url}/api/v1/plugins/hello/hello`)).json()).toEqual({ hello: 'from npm' });
    } finally {
      first.child.kill('SIGTERM');
    }
    expect(await first.exited).toBe(0);

    npm(['uninstall', '@acme/portico-plugin-hello'], app, registry);
    const second = await startCli(app);
    try {
      const plugins = (await (await fetch(`${second.url}/api/v1/plugins`)).json()) as { items: Array<Record<string, unknown>> };
      expect(plugins.items).toEqual([
        expect.objectContaining({ status: 'failed', error: expect.stringContaining('Plugin package "@acme/portico-plugin-hello" is not installed: run "npm install @acme/portico-plugin-hello"') }),
      ]);
    } finally {
      second.child.kill('SIGTERM');
    }
    expect(await second.exited).toBe(0);
  });
});
