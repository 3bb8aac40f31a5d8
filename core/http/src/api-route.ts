import type { Request, Response } from 'express';
import type { Identity, JsonSchema, RouteQueryParameter, RouteResponse } from '@portico/plugin-api';
import type { RouteAccess } from './route-access';
import type { AuditDetail } from './audit-detail';

/** @public */
export interface ApiRequestContext<B = unknown> {
  req: Request;
  res: Response;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: B;
  identity: Identity;
  requestId: string;
  /** Adds the target and before/after states to this request's audit record. */
  audit(detail: AuditDetail): void;
}

/**
 * What a handler returns; `undefined` means the handler wrote the response itself (e.g. SSE).
 * @public
 */
export interface ApiResult {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** @public */
export type HttpVerb = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * One route, described once: express serves it and the OpenAPI document is built from
 * the same object, so the two cannot disagree.
 * @public
 */
export interface ApiRoute<B = unknown> {
  method: HttpVerb;
  /** OpenAPI-style path relative to the router, e.g. `/kinds/{kind}`. */
  path: string;
  operationId: string;
  summary: string;
  tags?: string[];
  /** Who may call it; the router enforces it and the OpenAPI document states it. */
  access: RouteAccess;
  /** Request body schema; a body that fails it is answered 400 with each bad field's pointer. */
  body?: JsonSchema;
  /** Query parameters (all strings on the wire). */
  query?: Record<string, RouteQueryParameter>;
  /** Response schemas by status code. */
  responses: Record<string, RouteResponse>;
  handler(ctx: ApiRequestContext<B>): Promise<ApiResult | undefined> | ApiResult | undefined;
}

/** @public */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function defineRoute<B = any>(route: ApiRoute<B>): ApiRoute<B> {
  return route;
}
