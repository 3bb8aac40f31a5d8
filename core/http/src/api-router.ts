import { Router, type Request } from 'express';
import { GUEST_IDENTITY } from './guest-identity';
import type { ApiRoute } from './api-route';
import { SchemaValidator } from './schema-validator';
import type { Identity } from '@portico/plugin-api';

/** `/kinds/{kind}` → `/kinds/:kind` */
export function toExpressPath(openapiPath: string): string {
  return openapiPath.replace(/\{([^}]+)\}/g, ':$1');
}

export interface RequestWithContext extends Request {
  identity?: Identity;
  requestId?: string;
}

const validator = new SchemaValidator();

/** Builds an express router from declarative routes; validation errors become 400 problem+json. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function createApiRouter(routes: ApiRoute<any>[]): Router {
  const router = Router();
  for (const route of routes) {
    router[route.method](toExpressPath(route.path), async (req: RequestWithContext, res) => {
      if (route.body) {
        const body = req.body === undefined ? {} : req.body;
        validator.assert(route.body, body, 'The request body');
        req.body = body;
      }
      const result = await route.handler({
        req,
        res,
        params: req.params as Record<string, string>,
        query: req.query as Record<string, unknown>,
        body: req.body,
        identity: req.identity ?? GUEST_IDENTITY,
        requestId: req.requestId ?? '',
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
