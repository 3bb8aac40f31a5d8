import { Router, type Request, type RequestHandler } from 'express';
import { UnauthorizedError, type HttpMethod, type HttpRoute } from '@portico/plugin-api';
import { GUEST_IDENTITY, SchemaValidator, assertRouteInput, authorize, type ApiRoute, type RequestWithContext, type RouteAccess } from '@portico/http';
import type { PluginRecord } from '../plugins/plugin-record';

const validator = new SchemaValidator();

/**
 * Serves `/<pluginId>/...` with the running plugin's routes, looked up on every request, so a
 * plugin added live answers at once and a removed one answers 404 at once.
 */
export function createPluginDispatcher(records: () => PluginRecord[], select: (route: HttpRoute) => boolean, options: { before?: RequestHandler[] } = {}): Router {
  const routers = new WeakMap<PluginRecord, Router>();
  const dispatcher = Router();
  dispatcher.use('/:pluginId', (req, res, next) => {
    const record = records().find((r) => r.id === req.params.pluginId && r.status === 'running');
    if (!record) return next();
    let router = routers.get(record);
    if (!router) {
      router = createPluginRouter(record.id, record.routes.filter(select), options);
      routers.set(record, router);
    }
    return router(req, res, next);
  });
  return dispatcher;
}

/**
 * Mounts a plugin's declarative routes: `token` routes refuse guests with a 401 problem, and a
 * route's declared query parameters and body are checked (400 naming each bad field) before its handler runs.
 */
export function createPluginRouter(pluginId: string, routes: HttpRoute[], options: { before?: RequestHandler[] } = {}): Router {
  const router = Router();
  for (const route of routes) {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    // `before` runs only once the route matched (public routes parse their body here, not before authentication).
    router[method](route.path, ...(options.before ?? []), async (req: RequestWithContext, res) => {
      const identity = req.identity ?? GUEST_IDENTITY;
      res.locals.portico = { ...(res.locals.portico ?? {}), operationId: operationIdOf(pluginId, route) };
      if (route.auth === 'token' && (identity.isGuest || identity.via === 'session')) {
        throw new UnauthorizedError(`${route.method} ${req.originalUrl} needs an API token: send "Authorization: Bearer <token>" with a token of a machine identity (auth.tokens in portico.config.yaml, or a token created on the Tokens page).`);
      }
      if (route.permission) authorize(identity, route.permission, `${route.method} ${req.originalUrl}`);
      const body = assertRouteInput(route, { query: req.query as Record<string, unknown>, body: req.body }, validator);
      const result = await route.handler({
        method: route.method as HttpMethod,
        path: req.path,
        params: req.params as Record<string, string>,
        query: req.query as Record<string, string | string[] | undefined>,
        headers: req.headers as Record<string, string | undefined>,
        body,
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

function operationIdOf(pluginId: string, route: HttpRoute): string {
  return `${pluginId}.${route.method.toLowerCase()}${route.path.replace(/[^A-Za-z0-9]+/g, '_')}`;
}

/** What a plugin route's `auth` and `permission` mean, in the words every API route uses. */
export function pluginRouteAccess(route: HttpRoute): RouteAccess {
  if (route.auth === 'public') return { public: 'The route checks the caller itself (for example a webhook signature)' };
  if (route.permission) return { permission: route.permission };
  return route.auth === 'token' ? { signedIn: 'API tokens only', tokensOnly: true } : { signedIn: 'Any signed-in identity' };
}

/** What the document says of a plugin route that describes no answers. */
const UNDESCRIBED_RESPONSES: ApiRoute['responses'] = { '200': { description: 'Succeeded; the plugin describes no response schema for this route' } };

/** OpenAPI entries for plugin routes, with the schemas the plugin declared for them. */
export function describePluginRoutes(pluginId: string, routes: HttpRoute[]): ApiRoute[] {
  return routes.map((route) => ({
    method: route.method.toLowerCase() as ApiRoute['method'],
    path: route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}'),
    operationId: operationIdOf(pluginId, route),
    summary: route.summary ?? `Route of plugin ${pluginId}`,
    access: pluginRouteAccess(route),
    tags: [`plugin:${pluginId}`],
    ...(route.body ? { body: route.body } : {}),
    ...(route.query ? { query: route.query } : {}),
    responses: route.responses && Object.keys(route.responses).length > 0 ? route.responses : UNDESCRIBED_RESPONSES,
    handler: () => undefined,
  }));
}
