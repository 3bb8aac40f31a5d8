import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, startLocalRegistry, type LocalRegistry } from '@portico/build-config/local-registry';
import { launchBrowser, openPage } from '@portico/test-utils';

// The whole path a new company takes, against a real registry: every public package is
// published with `npm run release`, then `npm create portico-app` runs non-interactively from
// that registry only, and the portal it wrote starts and serves its plugins to a browser.
const repoRoot = resolve(__dirname, '..', '..', '..');
jest.setTimeout(300_000);

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 240_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

async function waitForReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // still starting
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the created portal did not become ready:\n${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('npm create portico-app from a registry', () => {
  let registry: LocalRegistry;
  let work: string;
  let env: NodeJS.ProcessEnv;
  let portal: ChildProcess | undefined;

  beforeAll(async () => {
    for (const built of ['core/kernel/dist/portico.mjs', 'core/create-portico-app/dist/template/manifest.json']) {
      if (!existsSync(join(repoRoot, built))) throw new Error(`${built} is missing: run "npm run build" first (npm test does).`);
    }
    registry = await startLocalRegistry();
    // A new user's shell: the registry, no Redis, and none of the test setup's source conditions.
    env = { ...process.env, ...registry.env };
    delete env.REDIS_URL;
    delete env.PORTICO_CONDITIONS;
    work = mkdtempSync(join(tmpdir(), 'portico-create-'));
    run(process.execPath, [join(repoRoot, 'core/build-config/bin/release.mjs'), '--no-version', '--no-build'], repoRoot, env);
  });

  afterAll(async () => {
    // `npm start` runs the portal as its child: stop the whole process group, or the portal
    // outlives the test (and holds jest's pipes open).
    if (portal?.pid && portal.exitCode === null) {
      const exited = new Promise((done) => portal?.once('exit', done));
      process.kill(-portal.pid, 'SIGTERM');
      await exited;
    }
    await registry?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('publishes every public package with the LICENSE inside', () => {
    const kernelVersion = (JSON.parse(readFileSync(join(repoRoot, 'core/kernel/package.json'), 'utf8')) as { version: string }).version;
    expect(run('npm', ['view', '@portico/kernel', 'version'], work, env).trim()).toBe(kernelVersion);
    const packed = JSON.parse(run('npm', ['pack', '@portico/plugin-oncall@0.1.0', '--dry-run', '--json'], work, env)) as Array<{ files: Array<{ path: string }> }>;
    expect(packed[0].files.map((file) => file.path)).toEqual(expect.arrayContaining(['LICENSE', 'package.json', 'dist/index.mjs', 'dist/ui.mjs']));
  });

  it('creates a portal without prompts that starts and shows its plugins in a browser', async () => {
    const output = run('npm', ['create', 'portico-app@latest', 'acme', '--', '--yes', '--name', 'Acme portal', '--plugins', 'all', '--store', 'embedded'], work, env);
    expect(output).toContain('Acme portal is ready.');
    const app = join(work, 'acme');
    const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'core/create-portico-app/dist/template/manifest.json'), 'utf8')) as { packages: Record<string, string>; plugins: Array<{ package: string; id: string }> };
    expect(pkg.dependencies).toEqual(Object.fromEntries(['@portico/kernel', '@portico/plugin-api', ...manifest.plugins.map((p) => p.package)].map((name) => [name, `^${manifest.packages[name]}`])));
    // Installed from the registry: real folders, no workspace links back into this repository.
    expect(lstatSync(join(app, 'node_modules/@portico/kernel')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(app, '.gitignore'), 'utf8')).toContain('.portico-data/');

    const port = await freePort();
    let log = '';
    portal = spawn('npm', ['start'], { cwd: app, env: { ...env, PORT: String(port), LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    portal.stdout?.on('data', (chunk) => (log += chunk));
    portal.stderr?.on('data', (chunk) => (log += chunk));
    const url = `http://127.0.0.1:${port}`;
    await waitForReady(url, portal, () => log);

    const plugins = (await (await fetch(`${url}/api/v1/plugins`)).json()) as { items: Array<{ id: string; status: string; error?: string }> };
    // The error, if any, is in the comparison so a failure says why the plugin did not load.
    expect(plugins.items.map((p) => ({ id: p.id, status: p.status, error: p.error })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      manifest.plugins.map((p) => ({ id: p.id, status: 'running', error: undefined })).sort((a, b) => a.id.localeCompare(b.id)),
    );

    const browser = await launchBrowser();
    try {
      const errors: string[] = [];
      const page = await openPage(browser, errors);
      await page.goto(url);
      await page.getByRole('banner').getByText('Acme portal').waitFor();
      await page.getByRole('navigation').first().waitFor();
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
