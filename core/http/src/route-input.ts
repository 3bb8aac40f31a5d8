import type { JsonSchema, RouteQueryParameter } from '@portico/plugin-api';
import { assertQueryParams } from './query-params';
import type { SchemaValidator } from './schema-validator';

/**
 * What a route declares about its input, whether it is a kernel `ApiRoute` or a plugin's
 * `HttpRoute`: both are checked by this one function.
 * @public
 */
export interface RouteInput {
  body?: JsonSchema;
  query?: Record<string, RouteQueryParameter>;
}

/**
 * Checks a request's query parameters and body against what its route declares; throws a 400
 * `ValidationError` naming each bad field (`/query/<name>`, or the body's JSON pointer). Returns
 * the body to hand to the handler: defaults applied, an absent body checked and given as `{}`.
 * @public
 */
export function assertRouteInput(route: RouteInput, request: { query: Record<string, unknown>; body: unknown }, validator: SchemaValidator): unknown {
  assertQueryParams(route, request.query, validator);
  if (!route.body) return request.body;
  const body = request.body === undefined ? {} : request.body;
  validator.assert(route.body, body, 'The request body');
  return body;
}
