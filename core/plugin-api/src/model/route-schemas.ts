import type { JsonSchema } from './json-schema';

/**
 * A query parameter a route declares. Values arrive as text; one whose schema names a number,
 * integer or boolean is checked as that type, and a bad one is answered 400 naming `/query/<name>`.
 * @public
 */
export interface RouteQueryParameter {
  description?: string;
  /** Default `{ "type": "string" }`; an `array` schema accepts the parameter given several times. */
  schema?: JsonSchema;
  required?: boolean;
}

/**
 * One answer a route documents, by status code, for the OpenAPI document.
 * @public
 */
export interface RouteResponse {
  description: string;
  /** Schema of the JSON body (absent: no body, or none described). */
  schema?: JsonSchema;
  /** Default `application/json`; `application/problem+json` without a schema documents a problem answer (the shape every error has). */
  contentType?: string;
}
