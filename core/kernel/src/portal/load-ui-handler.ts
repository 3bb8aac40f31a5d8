import type { RequestHandler } from 'express';
import type { LoggerService } from '@portico/plugin-api';

interface UiModule {
  createUiHandler(options: { plugins: Array<{ pluginId: string; bundleFile: string; uiApi?: string }>; title?: string }): RequestHandler;
}

/**
 * The web UI from @portico/ui. Loaded lazily so a headless portal (API only) needs no UI
 * build; when the UI is not built, `/` says how to build it instead of failing.
 */
export async function loadUiHandler(plugins: Array<{ pluginId: string; bundleFile: string; uiApi?: string }>, title: string | undefined, logger: LoggerService): Promise<RequestHandler> {
  try {
    const ui = (await import('@portico/ui')) as unknown as UiModule;
    return ui.createUiHandler({ plugins, title });
  } catch (error) {
    logger.warn('web UI unavailable', { error: (error as Error).message });
    return (req, res, next) => {
      if (req.method !== 'GET' || req.path.startsWith('/api/')) return next();
      res.status(503).type('text/plain').send('The Portico web UI is not built. Run "npm run build" at the repository root, then restart. The API is at /api/v1.');
    };
  }
}
