import { defineRoute, type ApiRoute } from '@portico/http';
import { canReadKind } from '@portico/catalog';
import type { PluginChange } from '../plugins/plugin-host';
import type { CatalogChange } from './catalog-change-feed';

const HEARTBEAT_MS = 25_000;

export interface PortalEventSources {
  onPluginChange(listener: (change: PluginChange) => void): () => void;
  onCatalogChange(listener: (change: CatalogChange) => void): () => void;
}

/**
 * `GET /api/v1/events`: Server-Sent Events about the portal itself, so open tabs follow it without
 * polling: `plugins` after a plugin was added, removed or upgraded live (the shell reloads its plugin
 * list), and `catalog` (at most once a second) naming the kinds whose entities changed, of those the
 * caller may read (dashboards refresh their numbers and charts).
 */
export function portalEventsRoute(sources: PortalEventSources): ApiRoute {
  return defineRoute({
    method: 'get',
    path: '/events',
    operationId: 'streamPortalEvents',
    summary: 'Server-Sent Events about the portal: `plugins` after a plugin change, `catalog` after entities of readable kinds changed',
    tags: ['kernel'],
    access: { signedIn: 'Every signed-in identity sees which plugins the portal runs, and changes to the kinds it may read' },
    responses: { '200': { description: 'With Accept: text/event-stream, the stream; otherwise the events it sends', schema: { type: 'object', properties: { events: { type: 'array', items: { type: 'string' } } } } } },
    handler: async ({ req, res, identity }) => {
      if (!String(req.get('accept') ?? '').includes('text/event-stream')) {
        return { body: { events: ['plugins', 'catalog'], stream: 'Send "Accept: text/event-stream" (as EventSource does) to receive them.' } };
      }
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      res.write(': connected\n\n');
      const stopPlugins = sources.onPluginChange((change) => res.write(`event: plugins\ndata: ${JSON.stringify(change)}\n\n`));
      const stopCatalog = sources.onCatalogChange((change) => {
        const kinds = change.kinds.filter((kind) => canReadKind(identity, kind));
        if (kinds.length > 0) res.write(`event: catalog\ndata: ${JSON.stringify({ kinds })}\n\n`);
      });
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      await new Promise<void>((done) => {
        req.once('close', done);
        res.once('close', done);
      });
      clearInterval(heartbeat);
      stopPlugins();
      stopCatalog();
      res.end();
      return undefined;
    },
  });
}
