import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, screenshot } from './support/browser';
import { deleteKeys, FIXTURES, newKeyPrefix, startTestPortal, type TestPortal } from './support/test-portal';

// Acceptance: installing a second plugin package (its UI bundle built separately, shipped in
// its tarball) into an app and restarting shows its widget; the shell is not rebuilt.
jest.setTimeout(120_000);
const keyPrefix = newKeyPrefix('install');
const shellManifest = join(__dirname, '..', 'dist', 'app', 'manifest.json');
let app: string;
let portal: TestPortal | undefined;
let browser: Browser;

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });
}

beforeAll(async () => {
  app = mkdtempSync(join(tmpdir(), 'portico-ui-app-'));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'portal-app', private: true, version: '1.0.0' }));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await portal?.close();
  await deleteKeys([keyPrefix]);
  rmSync(app, { recursive: true, force: true });
});

test('a plugin installed after the shell was built shows its widget after a restart', async () => {
  const shellBefore = { text: readFileSync(shellManifest, 'utf8'), mtime: statSync(shellManifest).mtimeMs };
  const first = { auth: { guest: true }, plugins: [{ path: join(FIXTURES, 'widgets-plugin') }] };
  portal = await startTestPortal(first, { keyPrefix, baseDir: app });
  const page = await openPage(browser, []);
  await page.goto(portal.url);
  await page.getByTestId('home-widget').waitFor();
  expect(await page.getByTestId('second-widget').count()).toBe(0);
  await portal.close();
  portal = undefined;

  // Pack the plugin (with its prebuilt dist/ui.mjs) and install the tarball into the app.
  const tarball = npm(['pack', join(FIXTURES, 'second-plugin'), '--pack-destination', app], app).trim().split('\n').pop()!;
  npm(['install', '--offline', '--ignore-scripts', `./${tarball}`], app);
  const installed = JSON.parse(readFileSync(join(app, 'node_modules', '@portico-fixtures', 'ui-second', 'package.json'), 'utf8')) as { portico: { ui: string } };
  expect(installed.portico.ui).toBe('./dist/ui.mjs');

  // The config names the installed folder: inside jest, module resolution caches the app's
  // node_modules as it was before the install, so `{ package }` would not see it until a new process.
  const installedDir = join(app, 'node_modules', '@portico-fixtures', 'ui-second');
  portal = await startTestPortal({ ...first, plugins: [...first.plugins, { path: installedDir }] }, { keyPrefix, baseDir: app });
  const listed = (await (await fetch(`${portal.url}/api/v1/plugins`)).json()) as { items: Array<{ id: string; status: string; error?: string; ui: unknown }> };
  expect(listed.items.find((plugin) => plugin.id === 'second')).toMatchObject({ status: 'running', version: '2.0.0', ui: { url: '/ui/plugins/second.mjs?v=2.0.0', uiApi: '^0.1.0' } });
  await page.goto(portal.url);
  await page.getByTestId('second-widget').waitFor();
  expect(await page.getByTestId('second-widget').textContent()).toBe('Installed after the shell was built');
  // An icon from @mui/icons-material, bundled into the plugin, renders inside the widget.
  // (Its path is CheckCircle's; production icons carry no test id.)
  expect(await page.getByTestId('second-widget').locator('.MuiAlert-icon svg.MuiSvgIcon-root path').getAttribute('d')).toMatch(/^M12 2C6\.48 2 2 6\.48/);
  await page.getByTestId('home-widget').waitFor();
  await screenshot(page, '21-second-plugin-installed');
  // The bundle is served from the installed package, and the shell files are untouched.
  const bundle = await fetch(`${portal.url}/ui/plugins/second.mjs`);
  expect(await bundle.text()).toBe(readFileSync(join(installedDir, 'dist', 'ui.mjs'), 'utf8'));
  expect({ text: readFileSync(shellManifest, 'utf8'), mtime: statSync(shellManifest).mtimeMs }).toEqual(shellBefore);
});
