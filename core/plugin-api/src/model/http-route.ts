import type { Identity } from '../services/identity-service';
import type { JsonSchema } from './json-schema';
import type { RouteQueryParameter, RouteResponse } from './route-schemas';

/** @public */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** @public */
export interface HttpRequest<B = unknown> {
  method: HttpMethod;
  /** Path relative to the plugin's mount point, e.g. `/deployments`. */
  path: string;
  params: Record<string, string>;
  query: Record<string, string | string[] | undefined>;
  headers: Record<string, string | undefined>;
  /** Parsed JSON body (undefined when none); checked against the route's `body` schema when it has one. */
  body: B;
  /** The raw body bytes, for signature checks such as GitHub's X-Hub-Signature-256. */
  rawBody: Buffer;
  identity: Identity;
  requestId: string;
}

/** @public */
export interface HttpResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * A plugin route, mounted at `/api/v1/plugins/<plugin-id><path>`, described once: the kernel
 * serves it, checks its input against `body` and `query`, and the OpenAPI document is built from
 * the same object. Throw an `HttpError` (or `ValidationError`) for a problem+json answer.
 * @public
 */
export interface HttpRoute<B = unknown> {
  method: HttpMethod;
  /** Express-style path, e.g. `/deployments/:id`. */
  path: string;
  /**
   * `user` (default): any signed-in identity, the dev-mode guest included; `token`: an API
   * token (machines), not a person's session or the guest; `public`: none needed (the route
   * checks a signature itself).
   */
  auth?: 'user' | 'token' | 'public';
  /** The permission a caller needs (`cicd.deployments.report`); the kernel answers 403 without it. */
  permission?: string;
  /** One line for the API document. */
  summary?: string;
  /**
   * JSON Schema of the request body. The kernel checks the body against it before the handler
   * runs (a failing body is answered 400 naming each bad field's pointer, an absent one is
   * checked as `{}`), and the OpenAPI document shows it.
   */
  body?: JsonSchema;
  /** Query parameters, checked before the handler runs and shown in the OpenAPI document. */
  query?: Record<string, RouteQueryParameter>;
  /** The answers the route gives, by status code, for the OpenAPI document (400/401/403/429 problems are added from `auth` and `permission`). */
  responses?: Record<string, RouteResponse>;
  handler(req: HttpRequest<B>): Promise<HttpResponse> | HttpResponse;
}
