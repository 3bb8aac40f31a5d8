import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freePort, startLocalRegistry, type LocalRegistry } from '@portico/build-config/local-registry';
import { expectAccessible, launchBrowser, openPage } from '@portico/test-utils';

// What a portal created by this package does next: `portico plugin add / upgrade / remove`
// against a portal that keeps running, then the same from Admin → Plugins in the browser. A
// plugin published to a real registry appears (API and an open browser tab) and goes again, with
// the same process throughout; what cannot load is refused and leaves everything as it was.
const repoRoot = resolve(__dirname, '..', '..', '..');
const cli = join(repoRoot, 'core', 'kernel', 'dist', 'portico.mjs');
const fixture = join(__dirname, '__fixtures__', 'live-plugin');
const pluginApiVersion = (JSON.parse(readFileSync(join(repoRoot, 'core', 'plugin-api', 'package.json'), 'utf8')) as { version: string }).version;
const VIEWER_TOKEN = 'viewer-token-for-the-live-test';
jest.setTimeout(240_000);

/** A copy of the fixture plugin with its text changed (another version, name or behaviour). */
function variant(work: string, name: string, edit: (file: string, text: string) => string): string {
  const dir = join(work, 'variants', name);
  cpSync(fixture, dir, { recursive: true });
  for (const file of ['package.json', 'index.mjs', 'ui.mjs']) writeFileSync(join(dir, file), edit(file, readFileSync(join(dir, file), 'utf8')));
  return dir;
}

describe('plugins added, upgraded and removed while the portal runs', () => {
  let registry: LocalRegistry;
  let work: string;
  let app: string;
  let env: NodeJS.ProcessEnv;
  let portal: ChildProcess;
  let url: string;
  let log = '';
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  const npm = (args: string[], cwd = repoRoot) => {
    const result = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel', 'error'], { cwd, env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${result.stderr}`);
  };
  const portico = (...args: string[]) => spawnSync(process.execPath, [cli, 'plugin', ...args, '--config', join(app, 'portico.config.yaml')], { cwd: app, env, encoding: 'utf8', timeout: 120_000 });
  const api = async (path: string) => {
    const response = await fetch(`${url}${path}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & { items?: Array<Record<string, unknown>> } };
  };
  const config = () => readFileSync(join(app, 'portico.config.yaml'), 'utf8');
  const notePid = () => (JSON.parse(readFileSync(join(app, '.portico-data', 'portal.json'), 'utf8')) as { pid: number }).pid;

  beforeAll(async () => {
    for (const built of [cli, join(repoRoot, 'core', 'plugin-api', 'dist', 'index.mjs'), join(repoRoot, 'core', 'ui', 'dist', 'app')]) {
      if (!existsSync(built)) throw new Error(`${built} is missing: run "npm run build" first (npm test does).`);
    }
    registry = await startLocalRegistry();
    env = { ...process.env, ...registry.env, PORTICO_CONDITIONS: '', LOG_LEVEL: 'warn' };
    delete env.REDIS_URL;
    work = mkdtempSync(join(tmpdir(), 'portico-live-'));
    npm(['publish', join(repoRoot, 'core', 'plugin-api')]);
    npm(['publish', fixture]);
    npm(['publish', variant(work, 'future', (file, text) => (file === 'package.json' ? text.replace('@acme/portico-plugin-live', '@acme/portico-plugin-future').replace(/"pluginApi": "[^"]+"/, '"pluginApi": "^9.0.0"') : text))]);
    npm([
      'publish',
      variant(work, 'broken', (file, text) =>
        text
          .replace('@acme/portico-plugin-live', '@acme/portico-plugin-broken')
          .replace('"id": "live"', '"id": "broken"')
          .replace("id: 'live'", "id: 'broken'")
          .replace('// (The test\'s "broken" copy throws here.)', "throw new Error('the broken plugin refuses to start');"),
      ),
    ]);
    npm(['publish', variant(work, 'malformed', (file, text) => (file === 'package.json' ? text.replace('@acme/portico-plugin-live', '@acme/portico-plugin-malformed').replace('"id": "live"', '"id": "Not An Id"') : text))]);
    app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'acme-portal', private: true }));
    // A scope whose registry is down (nothing listens on the port), answered at once rather than after npm's retries.
    writeFileSync(join(app, '.npmrc'), `@down:registry=http://127.0.0.1:${await freePort()}/\nfetch-retries=0\n`);
    const viewer = createHash('sha256').update(VIEWER_TOKEN).digest('hex');
    writeFileSync(join(app, 'portico.config.yaml'), `# Acme portal\nauth:\n  guest: true\n  tokens:\n    - { name: viewer, sha256: ${viewer}, roles: [viewer] }\nplugins: []\n`);

    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    portal = spawn(process.execPath, [cli, 'start', '--config', join(app, 'portico.config.yaml'), '--port', String(port)], { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
    portal.stdout?.on('data', (d) => (log += d));
    portal.stderr?.on('data', (d) => (log += d));
    const deadline = Date.now() + 30_000;
    while (!(await fetch(`${url}/readyz`).then((r) => r.ok, () => false))) {
      if (portal.exitCode !== null || Date.now() > deadline) throw new Error(`the portal did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
    await page.goto(url);
    await page.getByRole('navigation').first().waitFor();
  });

  afterAll(async () => {
    if (process.env.LIVE_TEST_LOG) writeFileSync(process.env.LIVE_TEST_LOG, log);
    await browser?.close();
    portal?.kill('SIGTERM');
    await registry?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('refuses an incompatible plugin before installing anything, naming both ranges', () => {
    const before = config();
    const result = portico('add', '@acme/portico-plugin-future');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`needs @portico/plugin-api ^9.0.0, but this kernel provides ${pluginApiVersion}`);
    expect(result.stderr).toContain('nothing was installed');
    expect(existsSync(join(app, 'node_modules', '@acme', 'portico-plugin-future'))).toBe(false);
    expect(config()).toBe(before);
  });

  it('says so when the package does not exist', () => {
    const result = portico('add', '@acme/portico-plugin-nowhere');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('There is no package "@acme/portico-plugin-nowhere" in the registry');
  });

  it('adds a plugin to the running portal: its kind, action, route and widget appear, same process', async () => {
    expect(await page.getByTestId('live-hello').count()).toBe(0);
    const result = portico('add', '@acme/portico-plugin-live');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`live 1.0.0 is live in the portal at ${url} (process ${portal.pid}, not restarted)`);
    expect(notePid()).toBe(portal.pid);
    expect(portal.exitCode).toBeNull();

    expect((await api('/api/v1/plugins')).body.items).toEqual([expect.objectContaining({ id: 'live', version: '1.0.0', status: 'running' })]);
    expect((await api('/api/v1/kinds')).body.items?.map((k) => k.id)).toContain('live-thing');
    expect((await api('/api/v1/actions')).body.items?.map((a) => a.id)).toContain('live.ping');
    expect((await api('/api/v1/plugins/live/version')).body).toEqual({ version: '1.0.0', greeting: 'hello' });
    // The config got the entry, with its schema's defaults as a commented block to start from.
    expect(config()).toMatch(/- package: "?@acme\/portico-plugin-live"?\n\s+# config \(the defaults; uncomment to change\):\n\s+# config:\n\s+#\s+greeting: "hello"/);
    // The tab opened before the install shows the widget without a reload.
    await page.getByTestId('live-hello').getByText('Hello from the live plugin 1.0.0').waitFor();
  });

  it('refuses a plugin whose init throws, leaving the portal, node_modules and the config as they were', async () => {
    const before = config();
    const result = portico('add', '@acme/portico-plugin-broken');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('the broken plugin refuses to start');
    expect(result.stderr).toContain('uninstalled again and the portal runs as before');
    expect(config()).toBe(before);
    expect(existsSync(join(app, 'node_modules', '@acme', 'portico-plugin-broken'))).toBe(false);
    expect((await api('/api/v1/plugins')).body.items?.map((p) => p.id)).toEqual(['live']);
    expect((await api('/readyz')).body).toMatchObject({ status: 'ready', failedPlugins: [] });
  });

  it('upgrades the plugin in place, and the open tab shows the new widget', async () => {
    npm(['publish', variant(work, 'live-2', (_file, text) => text.replaceAll('1.0.0', '2.0.0'))]);
    const listed = portico('list');
    expect(listed.stdout).toMatch(/live\s+@acme\/portico-plugin-live\s+1\.0\.0\s+latest 2\.0\.0\s+update available: 2\.0\.0/);
    const result = portico('upgrade', 'live');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`live is now 2.0.0 in the portal at ${url} (process ${portal.pid}, not restarted)`);
    expect((await api('/api/v1/plugins/live/version')).body).toEqual({ version: '2.0.0', greeting: 'hello' });
    await page.getByTestId('live-hello').getByText('Hello from the live plugin 2.0.0').waitFor();
  });

  it('removes the plugin live: routes, actions and widgets go, its kind stays', async () => {
    const result = portico('remove', 'live');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Its kinds (live-thing) and their entities stay in the catalog');
    expect((await api('/api/v1/plugins/live/version')).status).toBe(404);
    expect((await api('/api/v1/plugins')).body.items).toEqual([]);
    expect((await api('/api/v1/actions')).body.items?.map((a) => a.id)).not.toContain('live.ping');
    expect((await api('/api/v1/kinds')).body.items?.map((k) => k.id)).toContain('live-thing');
    await page.getByTestId('live-hello').waitFor({ state: 'detached' });
    expect(existsSync(join(app, 'node_modules', '@acme', 'portico-plugin-live'))).toBe(false);
    expect(notePid()).toBe(portal.pid);
    expect(pageErrors).toEqual([]);
  });

  describe('Admin → Plugins', () => {
    let admin: Page;
    const row = (name: string) => admin.getByRole('table', { name: 'Plugins in the registry' }).locator(`tr[data-package="${name}"]`);
    const installedRow = (id: string) => admin.getByRole('table', { name: 'Installed plugins' }).locator(`tr[data-plugin="${id}"]`);

    beforeAll(async () => {
      admin = await openPage(browser, pageErrors);
      await admin.goto(`${url}/admin/plugins`);
      await admin.getByRole('search', { name: 'Search the plugin registry' }).waitFor();
    });

    it('is for identities holding the admin permission only', async () => {
      const headers = { authorization: `Bearer ${VIEWER_TOKEN}`, 'content-type': 'application/json' };
      for (const [method, path, body] of [
        ['GET', '/api/v1/admin/plugin-registry', undefined],
        ['GET', '/api/v1/admin/plugin-registry/check?package=@acme/portico-plugin-live', undefined],
        ['POST', '/api/v1/admin/plugins', { package: '@acme/portico-plugin-live' }],
        ['POST', '/api/v1/admin/plugins/live/upgrade', {}],
        ['DELETE', '/api/v1/admin/plugins/live', undefined],
      ] as const) {
        const response = await fetch(`${url}${path}`, { method, headers, body: body && JSON.stringify(body) });
        expect({ path, status: response.status }).toEqual({ path, status: 403 });
      }
      expect(existsSync(join(app, 'node_modules', '@acme', 'portico-plugin-live'))).toBe(false);
      const viewerPage = await openPage(browser, pageErrors, { token: VIEWER_TOKEN });
      await viewerPage.goto(`${url}/admin/plugins`);
      await viewerPage.getByText('Installing, upgrading and removing plugins needs the permission "admin"').waitFor();
      expect(await viewerPage.getByRole('search').count()).toBe(0);
      expect(await viewerPage.getByRole('button', { name: /^(Install|Remove|Upgrade)/ }).count()).toBe(0);
      await viewerPage.context().close();
    });

    it('answers bad input and a registry that is down with the reason and the right status, changing nothing', async () => {
      const post = (body: unknown) => fetch(`${url}/api/v1/admin/plugins`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const notASpec = await post({ package: 'left-pad; rm -rf /' });
      expect(notASpec.status).toBe(400);
      expect(((await notASpec.json()) as { detail: string }).detail).toContain('is not an npm package name');
      const missing = await post({ package: '@acme/portico-plugin-nowhere' });
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as { detail: string }).detail).toContain('There is no package "@acme/portico-plugin-nowhere" in the registry');
      const broken = await post({ package: '@acme/portico-plugin-broken' });
      expect(broken.status).toBe(422);
      expect(((await broken.json()) as { detail: string }).detail).toContain('the broken plugin refuses to start');
      expect(existsSync(join(app, 'node_modules', '@acme', 'portico-plugin-broken'))).toBe(false);
      const malformed = await post({ package: '@acme/portico-plugin-malformed' });
      expect(malformed.status).toBe(422);
      expect(((await malformed.json()) as { detail: string }).detail).toContain('@acme/portico-plugin-malformed@1.0.0 has a malformed Portico manifest');
      const down = await post({ package: '@down/portico-plugin-x' });
      expect(down.status).toBe(502);
      expect(((await down.json()) as { detail: string }).detail).toMatch(/^Could not read @down\/portico-plugin-x from the registry: .+Check the network/);
      const unknown = await fetch(`${url}/api/v1/admin/plugins/nothing-here`, { method: 'DELETE' });
      expect(unknown.status).toBe(404);
      expect((await api('/api/v1/plugins')).body.items).toEqual([]);
    });

    it('finds plugins in the registry and shows why one does not fit before anything is installed', async () => {
      await admin.getByLabel('Search plugins').fill('portico-plugin');
      await admin.getByRole('button', { name: 'Search', exact: true }).click();
      await row('@acme/portico-plugin-live').waitFor();
      await row('@acme/portico-plugin-future').getByRole('button', { name: 'Install @acme/portico-plugin-future' }).click();
      const dialog = admin.getByRole('dialog', { name: /Install @acme\/portico-plugin-future/ });
      await dialog.getByLabel('Why it cannot be installed').getByText(`needs @portico/plugin-api ^9.0.0, but this kernel provides ${pluginApiVersion}`, { exact: false }).waitFor();
      expect(await dialog.getByRole('button', { name: 'Install' }).isDisabled()).toBe(true);
      await expectAccessible(admin, 'the install dialog');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      expect(existsSync(join(app, 'node_modules', '@acme', 'portico-plugin-future'))).toBe(false);
    });

    it('installs a plugin from the page into the running portal', async () => {
      await row('@acme/portico-plugin-live').getByRole('button', { name: 'Install @acme/portico-plugin-live' }).click();
      const dialog = admin.getByRole('dialog', { name: 'Install @acme/portico-plugin-live@2.0.0' });
      await dialog.getByText('Compatible with this portal.').waitFor();
      await dialog.getByRole('button', { name: 'Install' }).click();
      await admin.getByRole('status').getByText(`live 2.0.0 is live in this portal (process ${portal.pid}, not restarted)`).waitFor({ timeout: 120_000 });
      // The installed table and the search results follow the change through the event stream.
      await installedRow('live').getByText('running').waitFor();
      await row('@acme/portico-plugin-live').getByText('Installed (2.0.0)').waitFor();
      await page.getByTestId('live-hello').getByText('Hello from the live plugin 2.0.0').waitFor();
      expect((await api('/api/v1/plugins/live/version')).body).toEqual({ version: '2.0.0', greeting: 'hello' });
      expect(config()).toContain('@acme/portico-plugin-live');
      expect(portal.exitCode).toBeNull();
    });

    it('upgrades it from the page when the registry has a newer version', async () => {
      npm(['publish', variant(work, 'live-3', (_file, text) => text.replaceAll('1.0.0', '3.0.0'))]);
      await admin.reload();
      await installedRow('live').getByRole('button', { name: 'Upgrade live to 3.0.0' }).click();
      const dialog = admin.getByRole('dialog', { name: 'Upgrade live to 3.0.0' });
      await dialog.getByText('Compatible with this portal.').waitFor();
      await dialog.getByRole('button', { name: 'Upgrade' }).click();
      await admin.getByRole('status').getByText(`live is now 3.0.0 in this portal (process ${portal.pid}, not restarted)`).waitFor({ timeout: 120_000 });
      await installedRow('live').getByRole('cell', { name: '3.0.0', exact: true }).first().waitFor();
      await page.getByTestId('live-hello').getByText('Hello from the live plugin 3.0.0').waitFor();
    });

    it('removes it from the page; its kind stays', async () => {
      await installedRow('live').getByRole('button', { name: 'Remove live' }).click();
      await admin.getByRole('dialog', { name: 'Remove live' }).getByRole('button', { name: 'Remove' }).click();
      await admin.getByRole('status').getByText('Its kinds (live-thing) and their entities stay in the catalog').waitFor({ timeout: 120_000 });
      await installedRow('live').waitFor({ state: 'detached' });
      await page.getByTestId('live-hello').waitFor({ state: 'detached' });
      expect(existsSync(join(app, 'node_modules', '@acme', 'portico-plugin-live'))).toBe(false);
      expect((await api('/api/v1/kinds')).body.items?.map((k) => k.id)).toContain('live-thing');
      await expectAccessible(admin, 'Admin → Plugins');
      expect(pageErrors).toEqual([]);
    });
  });
});
