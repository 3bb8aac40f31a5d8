import { Router, type Request } from 'express';
import { UnauthorizedError, type HttpMethod, type HttpRoute } from '@portico/plugin-api';
import { GUEST_IDENTITY, type ApiRoute, type RequestWithContext } from '@portico/http';

/** Mounts a plugin's declarative routes; `token` routes refuse guests with a 401 problem. */
export function createPluginRouter(routes: HttpRoute[]): Router {
  const router = Router();
  for (const route of routes) {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    router[method](route.path, async (req: RequestWithContext, res) => {
      const identity = req.identity ?? GUEST_IDENTITY;
      if (route.auth === 'token' && identity.isGuest) {
        throw new UnauthorizedError(`${route.method} ${req.originalUrl} needs an API token: send "Authorization: Bearer <token>" with a token listed in portico.config.yaml (auth.tokens).`);
      }
      const result = await route.handler({
        method: route.method as HttpMethod,
        path: req.path,
        params: req.params as Record<string, string>,
        query: req.query as Record<string, string | string[] | undefined>,
        headers: req.headers as Record<string, string | undefined>,
        body: req.body,
        rawBody: (req as Request & { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0),
        identity,
        requestId: req.requestId ?? '',
      });
      for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
      res.status(result.status ?? 200);
      if (result.body === undefined) res.end();
      else res.json(result.body);
    });
  }
  return router;
}

/** OpenAPI entries for plugin routes (plugins describe only method and path). */
export function describePluginRoutes(pluginId: string, routes: HttpRoute[]): ApiRoute[] {
  return routes.map((route) => ({
    method: route.method.toLowerCase() as ApiRoute['method'],
    path: route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}'),
    operationId: `${pluginId}.${route.method.toLowerCase()}${route.path.replace(/[^A-Za-z0-9]+/g, '_')}`,
    summary: `Route of plugin ${pluginId}`,
    tags: [`plugin:${pluginId}`],
    responses: { '200': { description: 'Defined by the plugin' } },
    handler: () => undefined,
  }));
}
