import express, { type Express, type Router } from 'express';
import type { Identity } from '@portico/plugin-api';
import { authenticate } from './authenticate';
import { csrfGuard } from './csrf-guard';
import { GUEST_IDENTITY } from './guest-identity';
import { jsonBody } from './json-body';
import { notFoundHandler, problemHandler } from './problem-handler';
import { RateLimits, type RateLimitOptions } from './rate-limits';
import { requestId } from './request-id';
import { securityHeaders } from './security-headers';

/** @public */
export interface HttpAppOptions {
  /** Routers mounted under `/api/v1`, each at its own prefix. */
  api: Array<{ prefix: string; router: Router }>;
  /**
   * Who the request is: from the `Authorization` header, or the request itself (a session
   * cookie). Null refuses the request with a 401; throw an UnauthorizedError to say why.
   */
  authenticate?: (authorization: string | undefined, req: express.Request) => Promise<Identity | null>;
  bodyLimit?: string | number;
  /** Deepest nesting of JSON bodies (default 64); deeper bodies get a 400. */
  maxJsonDepth?: number;
  /** Rate limits; failed authentications are limited per address even without this. */
  rateLimit?: RateLimitOptions;
  /** The portal's public URL: its origin may send browser writes (see csrfGuard). */
  publicUrl?: string;
  /** Extra `script-src` sources of the Content-Security-Policy (the web UI's inline script hashes). */
  scriptSrc?: string[];
  onUnexpectedError?: (error: unknown, requestId: string | undefined) => void;
  /**
   * Routers under `/api/v1` that need no identity (e.g. webhooks that check their own signature).
   * They run before authentication, so each parses bodies only on its own routes (createApiRouter
   * does; plugin routers take jsonBody in the route): a request for a protected route is
   * authenticated before any of its body is read.
   */
  publicApi?: Array<{ prefix: string; router: Router }>;
  /** Handlers put before the API (logging, health checks). */
  before?: express.RequestHandler[];
  /** Handlers put after the API (the web UI). */
  after?: express.RequestHandler[];
}

/**
 * The express app every Portico server (and every HTTP test) uses.
 * @public
 */
export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  app.use(requestId());
  app.use(securityHeaders({ scriptSrc: options.scriptSrc }));
  for (const handler of options.before ?? []) app.use(handler);
  const limits = new RateLimits(options.rateLimit);
  const api = express.Router();
  api.use(limits.byAddress());
  if (options.publicApi?.length) {
    const open = express.Router();
    for (const { prefix, router } of options.publicApi) open.use(prefix || '/', router);
    api.use(open);
  }
  // Writes on ambient credentials (the guest, a session cookie) must come from the portal's pages.
  api.use(csrfGuard({ publicUrl: options.publicUrl }));
  api.use(limits.blockFailedAuth());
  api.use(authenticate(limits.countFailedAuth(options.authenticate ?? (async () => GUEST_IDENTITY))));
  api.use(limits.byIdentity());
  api.use(jsonBody({ limit: options.bodyLimit, maxDepth: options.maxJsonDepth }));
  for (const { prefix, router } of options.api) api.use(prefix || '/', router);
  api.use(notFoundHandler());
  app.use('/api/v1', api);
  for (const handler of options.after ?? []) app.use(handler);
  app.use(problemHandler({ onUnexpected: options.onUnexpectedError }));
  return app;
}
