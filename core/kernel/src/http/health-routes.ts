import { Router } from 'express';
import type { RedisConnectionHealth } from '@portico/http';
import type { PluginRecord } from '../plugins/plugin-record';

/**
 * `/healthz`: the process answers. `/readyz`: 503 while starting, shutting down or while any
 * Redis connection the process uses is not ready (`redis` names each connection with its state,
 * `store` says which are down); 200 with `degraded` and the failed plugins when some failed.
 */
export function healthRoutes(options: { state: () => 'starting' | 'ready' | 'stopping'; records: () => PluginRecord[]; connections: () => RedisConnectionHealth[] }): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', (_req, res) => {
    const state = options.state();
    const failedPlugins = options.records().filter((r) => r.status === 'failed').map((r) => ({ id: r.id, error: r.error }));
    const connections = options.connections();
    const down = connections.filter((c) => c.status !== 'ready').map((c) => c.name);
    const store = down.length ? `unavailable: Redis connection${down.length > 1 ? 's' : ''} ${down.join(', ')} not ready` : 'ok';
    const ready = state === 'ready' && down.length === 0;
    res.status(ready ? 200 : 503).json({
      status: !ready ? (state === 'ready' ? 'unavailable' : state) : failedPlugins.length > 0 ? 'degraded' : 'ready',
      store,
      ...(connections.length ? { redis: Object.fromEntries(connections.map((c) => [c.name, c.status])) } : {}),
      failedPlugins,
    });
  });
  return router;
}
