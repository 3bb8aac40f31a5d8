import express, { type Router } from 'express';
import { join } from 'node:path';
import { UI_API_VERSION } from '@portico/ui-api/version';
import { findAppDir, readAppManifest } from './app-files';
import { inlineScriptHashes, renderIndexHtml } from './index-html';
import { muiDeepModule } from './mui-deep-module';
import { checkPluginUiBundle, type PluginUiBundle, type PluginUiBundleStatus } from './plugin-bundle';

/** @public */
export interface UiHandlerOptions {
  /** Every installed plugin that ships a UI bundle. */
  plugins: PluginUiBundle[];
  /** Browser tab title, default "Portico". */
  title?: string;
  /** The built shell (default: the `app` folder this package was built with). */
  appDir?: string;
}

function problem(res: express.Response, status: number, title: string, detail: string): void {
  res.status(status).type('application/problem+json').send(JSON.stringify({ type: 'about:blank', title, status, detail }));
}

/**
 * The web UI as an express router, mounted by the kernel at `/`: the shell at `/` with a
 * fallback for client routes, its hashed assets, each plugin's UI bundle at
 * `/ui/plugins/<id>.mjs`, and the modules of the import map. Bundles are read from disk on
 * every request; `setPlugins` changes the list while the portal runs.
 * @public
 */
export function createUiHandler(options: UiHandlerOptions): Router & { scriptSources: string[]; setPlugins(plugins: PluginUiBundle[]): void } {
  const router = express.Router();
  const appDir = findAppDir(options.appDir);
  const manifest = appDir ? readAppManifest(appDir) : null;
  let statuses: PluginUiBundleStatus[] = [];
  let bundles = new Map<string, PluginUiBundle>();
  let boot = { title: options.title ?? 'Portico', uiApiVersion: UI_API_VERSION, plugins: statuses };
  let html: string | null = null;
  // Plugins added or removed while the portal runs: the next page load and boot.json show them.
  const setPlugins = (plugins: PluginUiBundle[]): void => {
    statuses = plugins.map((bundle) => checkPluginUiBundle(bundle, UI_API_VERSION));
    bundles = new Map(plugins.map((bundle) => [bundle.pluginId, bundle]));
    boot = { ...boot, plugins: statuses };
    html = manifest ? renderIndexHtml(manifest, boot) : null;
  };
  setPlugins(options.plugins);

  router.get('/ui/boot.json', (_req, res) => {
    res.set('cache-control', 'no-cache').json(boot);
  });

  router.get('/ui/plugins/:file', (req, res) => {
    const pluginId = String(req.params.file).replace(/\.mjs$/, '');
    const status = statuses.find((item) => item.pluginId === pluginId);
    const bundle = bundles.get(pluginId);
    if (!status || !bundle) return problem(res, 404, 'Not Found', `No plugin "${pluginId}" with a UI bundle is installed.`);
    if (!status.compatible) return problem(res, 409, 'Incompatible plugin UI', status.problem ?? 'refused');
    res.type('text/javascript').set('cache-control', 'no-cache');
    res.sendFile(bundle.bundleFile);
  });

  router.get('/ui/mui/:name', (req, res) => {
    const source = muiDeepModule(String(req.params.name));
    if (!source) return problem(res, 404, 'Not Found', `"@mui/material/${req.params.name}" is not a module the portal shares; import from "@mui/material".`);
    res.type('text/javascript').set('cache-control', 'public, max-age=3600').send(source);
  });

  if (appDir) {
    // File names carry content hashes, so browsers may keep them forever.
    router.use('/ui/assets', express.static(appDir, { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  }

  router.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api/') || req.path.startsWith('/ui/')) return next();
    if (!html) {
      res.status(503).type('text/plain').send(`The Portico UI is not built: run "npm run build -w @portico/ui" (looked for dist/app next to ${join('@portico/ui', 'dist')}).`);
      return undefined;
    }
    res.type('text/html').set('cache-control', 'no-cache').send(html);
    return undefined;
  });

  // The portal's Content-Security-Policy lets the shell's inline scripts run, and no others.
  // The inline scripts do not change with the plugins (boot data is JSON, not script), so neither do their hashes.
  const page = html as string | null;
  return Object.assign(router, { scriptSources: page ? inlineScriptHashes(page) : [], setPlugins });
}
