import { createHash } from 'node:crypto';
import type { AppManifest } from './app-files';
import type { PluginUiBundleStatus } from './plugin-bundle';
import { CATALOG_PAGE_SIZE, DEFAULT_CATALOG_SORT } from '../app/pages/catalog/first-page';

export interface BootData {
  title: string;
  uiApiVersion: string;
  plugins: PluginUiBundleStatus[];
}

const ASSETS = '/ui/assets/';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON inside a <script> must not be able to close it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * Starts, before any module loads, the requests the shell makes first: kinds and plugins on
 * every page, the dashboard (its chunks, and the requests its widgets make first, which the
 * portal lists with it) on `/dashboards/<id>` and on a Home that shows one,
 * and on `/catalog/<kind>` the table's first page (as the catalog page asks for it: see
 * first-page.ts). The shell's `apiFetch` takes these answers (see @portico/ui-api's
 * take-preloaded), so data and JavaScript load side by side.
 */
function preloadScript(dashboardChunks: string[]): string {
  return `(function () {
  var preload = (globalThis.__porticoPreload = {});
  function start(method, url, body) {
    var init = { method: method, headers: { accept: 'application/json' }, credentials: 'same-origin' };
    if (body !== undefined) { init.headers['content-type'] = 'application/json'; init.body = body; }
    preload[method + ' ' + url + ' ' + (body === undefined ? '' : body)] = { at: Date.now(), response: fetch(url, init) };
  }
  start('GET', '/api/v1/kinds');
  start('GET', '/api/v1/plugins');
  // A dashboard's chunks (grid, charts) load beside the shell's, not after it has started.
  function dashboardModules() {
    ${JSON.stringify(dashboardChunks.map((file) => ASSETS + file))}.forEach(function (href) {
      var link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = href;
      document.head.appendChild(link);
    });
  }
  // A dashboard's widgets' first requests, as the portal lists them with the dashboard.
  function dashboardData(key) {
    preload[key].response.then(function (r) { return r.ok ? r.clone().json() : null; }).then(function (found) {
      var board = found && (found.dashboard === undefined ? found : found.dashboard);
      if (!board) return;
      if (location.pathname === '/') dashboardModules();
      (board.dataRequests || []).forEach(function (q) { start(q.method, '/api/v1' + q.path, q.body); });
    }, function () {});
  }
  // Home shows the person's dashboard when they chose one; a shared link opens one.
  if (location.pathname === '/') {
    start('GET', '/api/v1/dashboards/home');
    dashboardData('GET /api/v1/dashboards/home ');
  }
  var dashboard = /^\\/dashboards\\/(dsh_[0-9a-f]+)$/.exec(location.pathname);
  if (dashboard) {
    start('GET', '/api/v1/dashboards/' + dashboard[1]);
    start('GET', '/api/v1/dashboards/home');
    dashboardData('GET /api/v1/dashboards/' + dashboard[1] + ' ');
  }
  if (/^\\/dashboards\\/[^/]+$/.test(location.pathname)) dashboardModules();
  var catalog = /^\\/catalog\\/([^/]+)$/.exec(location.pathname);
  if (catalog && !location.search) {
    // Keys in sorted order, as apiFetch's canonical JSON writes them.
    start('POST', '/api/v1/entities/query', JSON.stringify({ kind: decodeURIComponent(catalog[1]), limit: ${CATALOG_PAGE_SIZE}, sort: { order: '${DEFAULT_CATALOG_SORT.order}', property: '${DEFAULT_CATALOG_SORT.property}' } }));
  }
})();`;
}

/**
 * The one HTML page of the SPA. The import map points every shared specifier at the shell's
 * own module instances, and `@mui/material/<Name>` deep imports at small re-export modules,
 * so plugin bundles loaded later resolve to the same React and MUI the shell renders with.
 */
export function renderIndexHtml(manifest: AppManifest, boot: BootData): string {
  const imports: Record<string, string> = { '@mui/material/': '/ui/mui/' };
  for (const [specifier, file] of Object.entries(manifest.shared)) imports[specifier] = ASSETS + file;
  const preloads = manifest.initial.map((file) => `<link rel="modulepreload" href="${ASSETS}${file}">`).join('\n    ');
  const styles = manifest.css.map((file) => `<link rel="stylesheet" href="${ASSETS}${file}">`).join('\n    ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(boot.title)}</title>
    <script>${preloadScript(manifest.dashboardChunks)}</script>
    <script type="importmap">${scriptJson({ imports })}</script>
    <script type="application/json" id="portico-boot">${scriptJson(boot)}</script>
    ${preloads}
    ${styles}
  </head>
  <body>
    <div id="root"></div>
    <noscript>Portico needs JavaScript.</noscript>
    <script type="module" src="${ASSETS}${manifest.app}"></script>
  </body>
</html>
`;
}

/**
 * The Content-Security-Policy `script-src` hashes of the page's inline scripts (the preload
 * script and the import map), so the portal's CSP allows exactly these and no other inline script.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script(?: type="importmap")?>([\s\S]*?)<\/script>/g)) {
    hashes.push(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
  }
  return hashes;
}
