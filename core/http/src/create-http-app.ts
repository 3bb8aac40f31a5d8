import express, { type Express, type Router } from 'express';
import type { Identity } from '@portico/plugin-api';
import { authenticate } from './authenticate';
import { GUEST_IDENTITY } from './guest-identity';
import { jsonBody } from './json-body';
import { notFoundHandler, problemHandler } from './problem-handler';
import { requestId } from './request-id';

export interface HttpAppOptions {
  /** Routers mounted under `/api/v1`, each at its own prefix. */
  api: Array<{ prefix: string; router: Router }>;
  /**
   * Who the request is: from the `Authorization` header, or the request itself (a session
   * cookie). Null refuses the request with a 401; throw an UnauthorizedError to say why.
   */
  authenticate?: (authorization: string | undefined, req: express.Request) => Promise<Identity | null>;
  bodyLimit?: string | number;
  onUnexpectedError?: (error: unknown, requestId: string | undefined) => void;
  /** Routers under `/api/v1` that need no identity (e.g. webhooks that check their own signature). */
  publicApi?: Array<{ prefix: string; router: Router }>;
  /** Handlers put before the API (logging, health checks). */
  before?: express.RequestHandler[];
  /** Handlers put after the API (the web UI). */
  after?: express.RequestHandler[];
}

/** The express app every Portico server (and every HTTP test) uses. */
export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  app.use(requestId());
  for (const handler of options.before ?? []) app.use(handler);
  const api = express.Router();
  if (options.publicApi?.length) {
    const open = express.Router();
    open.use(jsonBody({ limit: options.bodyLimit }));
    for (const { prefix, router } of options.publicApi) open.use(prefix || '/', router);
    api.use(open);
  }
  api.use(authenticate(options.authenticate ?? (async () => GUEST_IDENTITY)));
  api.use(jsonBody({ limit: options.bodyLimit }));
  for (const { prefix, router } of options.api) api.use(prefix || '/', router);
  api.use(notFoundHandler());
  app.use('/api/v1', api);
  for (const handler of options.after ?? []) app.use(handler);
  app.use(problemHandler({ onUnexpected: options.onUnexpectedError }));
  return app;
}
