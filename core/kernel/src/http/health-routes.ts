import { Router } from 'express';
import type { PluginRecord } from '../plugins/plugin-record';

/**
 * `/healthz`: the process answers. `/readyz`: 503 while starting, shutting down or when
 * the store is unreachable; 200 with `degraded` and the failed plugins when some failed.
 */
export function healthRoutes(options: { state: () => 'starting' | 'ready' | 'stopping'; records: () => PluginRecord[]; storePing: () => Promise<void> }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const state = options.state();
    const failedPlugins = options.records().filter((r) => r.status === 'failed').map((r) => ({ id: r.id, error: r.error }));
    let store = 'ok';
    try {
      await options.storePing();
    } catch (error) {
      store = `unreachable: ${(error as Error).message}`;
    }
    const ready = state === 'ready' && store === 'ok';
    res.status(ready ? 200 : 503).json({
      status: !ready ? (state === 'ready' ? 'unavailable' : state) : failedPlugins.length > 0 ? 'degraded' : 'ready',
      store,
      failedPlugins,
    });
  });
  return router;
}
