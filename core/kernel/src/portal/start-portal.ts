import type { Server } from 'node:http';
import { ValidationError } from '@portico/plugin-api';
import type { AddressInfo } from 'node:net';
import type { Express, RequestHandler } from 'express';
import { buildOpenApiDocument, createApiRouter, createHttpApp, jsonBody, type ApiRoute } from '@portico/http';
import { auditCapture } from '@portico/auth';
import { auditPluginChanges } from '../audit/audit-plugin-changes';
import type { PluginRecord } from '../plugins/plugin-record';
import { healthRoutes } from '../http/health-routes';
import { kernelRoutes } from '../http/kernel-routes';
import { pluginAdminRoutes } from '../http/plugin-admin-routes';
import { fullSyncRoutes } from '../http/full-sync-routes';
import { createPluginDispatcher, describePluginRoutes } from '../http/plugin-router';
import { apiDocsRouter } from '../http/api-docs-routes';
import { portalEventsRoute } from '../http/portal-events-route';
import { CatalogChangeFeed } from '../http/catalog-change-feed';
import { scheduleCatalogCodeSync } from '../catalog-code/catalog-code-sync';
import { DashboardBook } from '../dashboards/dashboard-book';
import { dashboardRoutes } from '../dashboards/dashboard-routes';
import { loadConfigFile } from '../config/portico-config';
import { reconcilePlugins, type ReconcileResult } from '../plugins/reconcile-plugins';
import { requestLogger } from '../http/request-logger';
import { bootKernel, type KernelOptions } from './boot-kernel';
import { publicUrlFromEnv } from '../config/auth-from-env';
import { loadUiHandler } from './load-ui-handler';
import { KERNEL_VERSION } from './kernel-version';

/** @public */
export interface StartPortalOptions extends KernelOptions {
  /** 0 picks a free port. Default: config `portal.port`, PORT, or 7007. */
  port?: number;
  host?: string;
  /** Serve the web UI at `/` (default true). */
  ui?: boolean;
}

/** @public */
export interface Portal {
  url: string;
  port: number;
  app: Express;
  plugins: PluginRecord[];
  /** Whether this process executes action runs (false for `--no-worker`, an API-only instance). */
  runsWorker: boolean;
  /** The OpenAPI document the portal serves at /api/v1/openapi.json (rebuilt when plugins change). */
  readonly openapi: Record<string, unknown>;
  /** Where the embedded store, and the CLI's note of this running portal, live. */
  dataDir: string;
  /**
   * Re-reads the config file and makes the running plugins what it lists, live: added,
   * removed, upgraded (`portico plugin` commands ask for this with SIGHUP).
   */
  reloadPlugins(): Promise<ReconcileResult>;
  close(): Promise<void>;
}

/**
 * Starts a portal: store, action runner, plugins, HTTP server. Used by `portico start` and tests.
 * @public
 */
export async function startPortal(options: StartPortalOptions = {}): Promise<Portal> {
  const kernel = await bootKernel(options);
  const { config, logger, redis, auth, catalog, actionRunner, host } = kernel;
  try {
    // An API-only instance without Redis would queue runs nobody runs. A caller that forces the
    // embedded store (`redisUrl: null`, like `portico openapi`'s throwaway portal) knows it runs none.
    if (!redis && !actionRunner.runsWorker && options.redisUrl !== null) {
      throw new ValidationError('An API-only portal (portico start --no-worker, or actions.worker: false) needs Redis, where "portico worker" processes pick up its runs: set REDIS_URL, or let this process run actions.');
    }
    await host.startAll({ providers: true });
    scheduleCatalogCodeSync(config.catalog?.code ?? [], { catalog, scheduler: kernel.scheduler.forPlugin('kernel'), logger, baseDir: kernel.baseDir });
    await auditPluginChanges(host.records, auth.state, auth.audit);

    let state: 'starting' | 'ready' | 'stopping' = 'starting';
    // One reload at a time, whoever asks (SIGHUP from `portico plugin`, or Admin → Plugins).
    let reloads: Promise<unknown> = Promise.resolve();
    const reloadPlugins = (): Promise<ReconcileResult> => {
      const next = reloads.then(async () => {
        if (!options.configPath) throw new ValidationError('This portal was started from a config object, not a file: there is nothing to reload.');
        const { config: latest } = await loadConfigFile(options.configPath);
        return reconcilePlugins(host, latest.plugins, kernel.baseDir);
      });
      reloads = next.catch(() => undefined);
      return next;
    };
    const running = () => host.records.filter((r) => r.status === 'running');
    const catalogChanges = new CatalogChangeFeed(catalog);
    const dashboards = dashboardRoutes(new DashboardBook(auth.state), {
      query: (query) => catalog.query(query),
      dashboardWidgets: () => running().flatMap((r) => r.contributions.widgets.filter((w) => w.dashboard)),
    });
    const apiRoutes: ApiRoute[] = [
      ...kernelRoutes({ records: () => host.records, openapi: () => openapi }),
      ...pluginAdminRoutes({ configPath: options.configPath, reload: reloadPlugins }),
      ...fullSyncRoutes(kernel.fullSyncApprovals),
      portalEventsRoute({ onPluginChange: (listener) => host.onChange(listener), onCatalogChange: (listener) => catalogChanges.subscribe(listener) }),
      ...auth.routes(),
      ...catalog.routes(),
      ...actionRunner.routes(),
      ...dashboards,
    ];
    const describe = (): Record<string, unknown> =>
      buildOpenApiDocument({
        title: config.portal?.title ?? 'Portico',
        version: KERNEL_VERSION,
        serverUrl: '/api/v1',
        groups: [{ prefix: '', routes: apiRoutes }, ...running().map((r) => ({ prefix: `/plugins/${r.id}`, routes: describePluginRoutes(r.id, r.routes) }))],
      });
    let openapi: Record<string, unknown> = describe();
    const bundles = () => running().flatMap((r) => (r.ui ? [{ pluginId: r.id, bundleFile: r.ui.bundleFile, uiApi: r.ui.uiApi ?? undefined, version: r.version }] : []));
    const after: RequestHandler[] = [];
    let uiScriptSources: string[] = [];
    let setUiPlugins: (plugins: ReturnType<typeof bundles>) => void = () => undefined;
    if (options.ui !== false) {
      const ui = await loadUiHandler(bundles(), config.portal?.title, logger);
      after.push(ui.handler);
      uiScriptSources = ui.scriptSources;
      setUiPlugins = ui.setPlugins;
    }
    // A live plugin change: the API document, the UI's bundle list and the audit log follow.
    host.onChange(() => {
      openapi = describe();
      setUiPlugins(bundles());
      void auditPluginChanges(host.records, auth.state, auth.audit).catch((error: Error) => logger.error('could not audit a plugin change', { error: error.message }));
    });
    const bodyOptions = { limit: config.bodyLimit, maxDepth: config.maxJsonDepth };
    const app = createHttpApp({
      // The audit capture comes first, so it sees every response, refusals by later steps included.
      before: [auditCapture(auth.audit), requestLogger(logger), healthRoutes({ state: () => state, records: () => host.records, connections: () => [...(redis ? [{ name: 'kernel', status: redis.status }] : []), ...catalog.health(), ...actionRunner.health()] }), apiDocsRouter({ title: config.portal?.title ?? 'Portico' })],
      api: [
        { prefix: '', router: createApiRouter(apiRoutes.filter((route) => !('public' in route.access))) },
        { prefix: '/plugins', router: createPluginDispatcher(() => host.records, (route) => route.auth !== 'public') },
      ],
      publicApi: [
        { prefix: '', router: createApiRouter(apiRoutes.filter((route) => 'public' in route.access), { body: bodyOptions }) },
        { prefix: '/plugins', router: createPluginDispatcher(() => host.records, (route) => route.auth === 'public', { before: jsonBody(bodyOptions) }) },
      ],
      after,
      authenticate: (authorization, req) => auth.authenticate(authorization, req),
      // Behind a TLS proxy the request says http: the CSRF guard accepts the public origin too.
      publicUrl: publicUrlFromEnv(config.portal?.publicUrl),
      bodyLimit: config.bodyLimit,
      maxJsonDepth: config.maxJsonDepth,
      rateLimit: { ...(config.rateLimit ?? {}), redis, keyPrefix: kernel.keyPrefix },
      scriptSrc: uiScriptSources,
      onUnexpectedError: (error, requestId) => logger.error('unexpected error', { requestId, error: (error as Error)?.stack ?? String(error) }),
    });

    const port = options.port ?? config.portal?.port ?? (process.env.PORT ? Number(process.env.PORT) : 7007);
    const server: Server = await new Promise((resolveServer, reject) => {
      const s = app.listen(port, options.host ?? '127.0.0.1', () => resolveServer(s));
      s.once('error', reject);
    });
    // Idle keep-alive connections stay open longer than a load balancer's idle timeout (60 s on
    // the common ones) and a client's pool, so no client reuses a socket the portal is closing.
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
    const address = server.address() as AddressInfo;
    const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
    state = 'ready';
    logger.info('portal ready', { url, plugins: host.records.map((r) => `${r.id}:${r.status}`) });

    let closing: Promise<void> | null = null;
    return {
      url,
      port: address.port,
      app,
      plugins: host.records,
      runsWorker: actionRunner.runsWorker,
      get openapi() {
        return openapi;
      },
      dataDir: kernel.dataDir,
      reloadPlugins,
      close: () => {
        closing ??= (async () => {
          state = 'stopping';
          // Stop accepting, let in-flight requests finish (bounded), then stop workers and stores.
          const drained = new Promise<void>((done) => server.close(() => done()));
          server.closeIdleConnections();
          const timeout = setTimeout(() => server.closeAllConnections(), 5000);
          await drained;
          clearTimeout(timeout);
          await kernel.cleanup();
          logger.info('portal stopped');
        })();
        return closing;
      },
    };
  } catch (error) {
    await kernel.cleanup();
    throw error;
  }
}
