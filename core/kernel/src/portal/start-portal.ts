import type { Server } from 'node:http';
import { ValidationError } from '@portico/plugin-api';
import type { AddressInfo } from 'node:net';
import type { Express, RequestHandler } from 'express';
import { buildOpenApiDocument, createApiRouter, createHttpApp, jsonBody } from '@portico/http';
import { auditCapture } from '@portico/auth';
import { auditPluginChanges } from '../audit/audit-plugin-changes';
import type { PluginRecord } from '../plugins/plugin-record';
import { healthRoutes } from '../http/health-routes';
import { kernelRoutes } from '../http/kernel-routes';
import { createPluginRouter, describePluginRoutes } from '../http/plugin-router';
import { requestLogger } from '../http/request-logger';
import { bootKernel, type KernelOptions } from './boot-kernel';
import { publicUrlFromEnv } from '../config/auth-from-env';
import { loadUiHandler } from './load-ui-handler';
import { KERNEL_VERSION } from './kernel-version';

export interface StartPortalOptions extends KernelOptions {
  /** 0 picks a free port. Default: config `portal.port`, PORT, or 7007. */
  port?: number;
  host?: string;
  /** Serve the web UI at `/` (default true). */
  ui?: boolean;
}

export interface Portal {
  url: string;
  port: number;
  app: Express;
  plugins: PluginRecord[];
  /** Whether this process executes action runs (false for `--no-worker`, an API-only instance). */
  runsWorker: boolean;
  /** The OpenAPI document the portal serves at /api/v1/openapi.json. */
  openapi: Record<string, unknown>;
  close(): Promise<void>;
}

/** Starts a portal: store, action runner, plugins, HTTP server. Used by `portico start` and tests. */
export async function startPortal(options: StartPortalOptions = {}): Promise<Portal> {
  const kernel = await bootKernel(options);
  const { config, logger, redis, auth, catalog, actionRunner, scheduler, host } = kernel;
  try {
    // An API-only instance without Redis would queue runs nobody runs. A caller that forces the
    // embedded store (`redisUrl: null`, like `portico openapi`'s throwaway portal) knows it runs none.
    if (!redis && !actionRunner.runsWorker && options.redisUrl !== null) {
      throw new ValidationError('An API-only portal (portico start --no-worker, or actions.worker: false) needs Redis, where "portico worker" processes pick up its runs: set REDIS_URL, or let this process run actions.');
    }
    const running = host.records.filter((r) => r.status === 'running');
    for (const record of running) {
      for (const provider of record.providers) {
        const pluginLogger = logger.child({ plugin: record.id, provider: provider.id });
        scheduler.forPlugin(record.id).schedule({
          id: `provider:${provider.id}`,
          everyMs: provider.everyMs ?? 24 * 60 * 60 * 1000,
          fn: (signal) => provider.refresh({ logger: pluginLogger, signal, apply: (mutation) => catalog.applyMutation(mutation, `plugin:${record.id}`) }),
        });
      }
    }
    await host.runStartHooks();
    await auditPluginChanges(host.records, auth.state, auth.audit);

    let state: 'starting' | 'ready' | 'stopping' = 'starting';
    const apiRoutes = [...kernelRoutes({ records: () => host.records, openapi: () => openapi }), ...auth.routes(), ...catalog.routes(), ...actionRunner.routes()];
    const openapi = buildOpenApiDocument({
      title: config.portal?.title ?? 'Portico',
      version: KERNEL_VERSION,
      serverUrl: '/api/v1',
      groups: [{ prefix: '', routes: apiRoutes }, ...running.map((r) => ({ prefix: `/plugins/${r.id}`, routes: describePluginRoutes(r.id, r.routes) }))],
    });
    const after: RequestHandler[] = [];
    let uiScriptSources: string[] = [];
    if (options.ui !== false) {
      const bundles = running.flatMap((r) => (r.ui ? [{ pluginId: r.id, bundleFile: r.ui.bundleFile, uiApi: r.ui.uiApi ?? undefined }] : []));
      const ui = await loadUiHandler(bundles, config.portal?.title, logger);
      after.push(ui.handler);
      uiScriptSources = ui.scriptSources;
    }
    const bodyOptions = { limit: config.bodyLimit, maxDepth: config.maxJsonDepth };
    const app = createHttpApp({
      // The audit capture comes first, so it sees every response, refusals by later steps included.
      before: [auditCapture(auth.audit), requestLogger(logger), healthRoutes({ state: () => state, records: () => host.records, connections: () => [...(redis ? [{ name: 'kernel', status: redis.status }] : []), ...catalog.health(), ...actionRunner.health()] })],
      api: [
        { prefix: '', router: createApiRouter(apiRoutes.filter((route) => !('public' in route.access))) },
        ...running.map((r) => ({ prefix: `/plugins/${r.id}`, router: createPluginRouter(r.id, r.routes.filter((route) => route.auth !== 'public')) })),
      ],
      publicApi: [
        { prefix: '', router: createApiRouter(apiRoutes.filter((route) => 'public' in route.access), { body: bodyOptions }) },
        ...running.map((r) => ({ prefix: `/plugins/${r.id}`, router: createPluginRouter(r.id, r.routes.filter((route) => route.auth === 'public'), { before: jsonBody(bodyOptions) }) })),
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
      openapi,
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
