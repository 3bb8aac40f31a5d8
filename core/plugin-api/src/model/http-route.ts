import type { Identity } from '../services/identity-service';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

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

export interface HttpResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * A plugin route, mounted at `/api/v1/plugins/<plugin-id><path>`.
 * Throw an `HttpError` (or `ValidationError`) for a problem+json answer.
 */
export interface HttpRoute {
  method: HttpMethod;
  /** Express-style path, e.g. `/deployments/:id`. */
  path: string;
  /** `user` (default): any identity, guests included in dev mode; `token`: an API token; `public`: none needed. */
  auth?: 'user' | 'token' | 'public';
  handler(req: HttpRequest): Promise<HttpResponse> | HttpResponse;
}
