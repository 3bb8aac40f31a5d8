import type { Identity } from '../services/identity-service';

/** @public */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** @public */
export interface HttpRequest {
  method: HttpMethod;
  /** Path relative to the plugin's mount point, e.g. `/deployments`. */
  path: string;
  params: Record<string, string>;
  query: Record<string, string | string[] | undefined>;
  headers: Record<string, string | undefined>;
  /** Parsed JSON body (undefined when none). */
  body: unknown;
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
 * A plugin route, mounted at `/api/v1/plugins/<plugin-id><path>`.
 * Throw an `HttpError` (or `ValidationError`) for a problem+json answer.
 * @public
 */
export interface HttpRoute {
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
  handler(req: HttpRequest): Promise<HttpResponse> | HttpResponse;
}
