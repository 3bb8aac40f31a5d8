import type { RequestHandler } from 'express';
import type { LoggerService } from '@portico/plugin-api';

type UiBundle = { pluginId: string; bundleFile: string; uiApi?: string; version?: string };

interface UiModule {
  createUiHandler(options: { plugins: UiBundle[]; title?: string }): RequestHandler & { scriptSources?: string[]; setPlugins?(plugins: UiBundle[]): void };
}

/**
 * The web UI from @portico/ui. Loaded lazily so a headless portal (API only) needs no UI
 * build; when the UI is not built, `/` says how to build it instead of failing.
 */
export async function loadUiHandler(plugins: UiBundle[], title: string | undefined, logger: LoggerService): Promise<{ handler: RequestHandler; scriptSources: string[]; setPlugins(plugins: UiBundle[]): void }> {
  try {
    const ui = (await import('@portico/ui')) as unknown as UiModule;
    const handler = ui.createUiHandler({ plugins, title });
    // The hashes of the shell's inline scripts, for the Content-Security-Policy's script-src.
    return { handler, scriptSources: handler.scriptSources ?? [], setPlugins: (next) => handler.setPlugins?.(next) };
  } catch (error) {
    logger.warn('web UI unavailable', { error: (error as Error).message });
    const handler: RequestHandler = (req, res, next) => {
      if (req.method !== 'GET' || req.path.startsWith('/api/')) return next();
      res.status(503).type('text/plain').send('The Portico web UI is not built. Run "npm run build" at the repository root, then restart. The API is at /api/v1.');
    };
    return { handler, scriptSources: [], setPlugins: () => undefined };
  }
}
