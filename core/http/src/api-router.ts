import { Router, type Request } from 'express';
import { GUEST_IDENTITY } from './guest-identity';
import type { ApiRoute } from './api-route';
import { SchemaValidator } from './schema-validator';
import type { Identity } from '@portico/plugin-api';
import { authorize, requiredPermission } from './route-access';
import { addAuditDetail } from './audit-detail';
import { jsonBody, type JsonBodyOptions } from './json-body';
import { assertRouteInput } from './route-input';

/**
 * `/kinds/{kind}` → `/kinds/:kind`
 * @public
 */
export function toExpressPath(openapiPath: string): string {
  return openapiPath.replace(/\{([^}]+)\}/g, ':$1');
}

/** @public */
export interface RequestWithContext extends Request {
  identity?: Identity;
  requestId?: string;
}

const validator = new SchemaValidator();

/** Who calls a public route without credentials. */
const ANONYMOUS: Identity = Object.freeze({ id: 'anonymous', kind: 'guest' as const, displayName: 'Anonymous', teams: [], isGuest: true, permissions: [] });

/**
 * Builds an express router from declarative routes; validation errors become 400 problem+json.
 * A route with a body schema parses its JSON body itself, once it has matched: a public router
 * mounted before authentication reads no body of a request meant for a protected route.
 * @public
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function createApiRouter(routes: ApiRoute<any>[], options: { body?: JsonBodyOptions } = {}): Router {
  const router = Router();
  const parseBody = jsonBody(options.body);
  for (const route of routes) {
    router[route.method](toExpressPath(route.path), ...(route.body ? parseBody : []), async (req: RequestWithContext, res) => {
      res.locals.portico = { ...(res.locals.portico ?? {}), operationId: route.operationId };
      // Protected routes sit behind the app's authenticate step, so an identity is set; a
      // bare router (tests) acts as the guest. Public routes run without one.
      const identity = req.identity ?? ('public' in route.access ? ANONYMOUS : GUEST_IDENTITY);
      const permission = requiredPermission(route.access, req.params as Record<string, string>);
      if (permission && !('orOwner' in route.access && route.access.orOwner)) authorize(identity, permission, `${route.method.toUpperCase()} ${req.baseUrl}${req.path} (${route.summary})`);
      req.body = assertRouteInput(route, { query: req.query as Record<string, unknown>, body: req.body }, validator);
      const result = await route.handler({
        req,
        res,
        params: req.params as Record<string, string>,
        query: req.query as Record<string, unknown>,
        body: req.body,
        identity,
        requestId: req.requestId ?? '',
        audit: (detail) => addAuditDetail(res, detail),
      });
      if (result === undefined || res.headersSent) return;
      for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
      res.status(result.status ?? 200);
      if (result.body === undefined) res.end();
      else res.json(result.body);
    });
  }
  return router;
}
