import { defineRoute, type ApiRoute } from '@portico/http';
import type { PluginChange } from '../plugins/plugin-host';

const HEARTBEAT_MS = 25_000;

/**
 * `GET /api/v1/events`: Server-Sent Events about the portal itself. Today one event, `plugins`,
 * sent after a plugin was added, removed or upgraded live, so open tabs reload their plugin list
 * and show (or drop) its widgets without a page reload.
 */
export function portalEventsRoute(onPluginChange: (listener: (change: PluginChange) => void) => () => void): ApiRoute {
  return defineRoute({
    method: 'get',
    path: '/events',
    operationId: 'streamPortalEvents',
    summary: 'Server-Sent Events about the portal: `plugins` after a plugin was added, removed or upgraded',
    tags: ['kernel'],
    access: { signedIn: 'Every signed-in identity sees which plugins the portal runs' },
    responses: { '200': { description: 'With Accept: text/event-stream, the stream; otherwise the events it sends', schema: { type: 'object', properties: { events: { type: 'array', items: { type: 'string' } } } } } },
    handler: async ({ req, res }) => {
      if (!String(req.get('accept') ?? '').includes('text/event-stream')) {
        return { body: { events: ['plugins'], stream: 'Send "Accept: text/event-stream" (as EventSource does) to receive them.' } };
      }
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      res.write(': connected\n\n');
      const unsubscribe = onPluginChange((change) => res.write(`event: plugins\ndata: ${JSON.stringify(change)}\n\n`));
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      await new Promise<void>((done) => {
        req.once('close', done);
        res.once('close', done);
      });
      clearInterval(heartbeat);
      unsubscribe();
      res.end();
      return undefined;
    },
  });
}
