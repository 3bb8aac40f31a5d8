import type { ApiRoute } from './api-route';
import type { RouteAccess } from './route-access';

/**
 * The session cookie's name; the OpenAPI document declares it as a security scheme.
 * @public
 */
export const SESSION_COOKIE = 'portico_session';

const PROBLEM_RESPONSE = (description: string) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });

/** The answers every route may give because of who calls it and how, beside its own. */
function accessResponses(access: RouteAccess, hasInput: boolean): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  if (hasInput) responses['400'] = PROBLEM_RESPONSE('Invalid input: the problem names each bad field by its JSON pointer');
  if (!('public' in access)) responses['401'] = PROBLEM_RESPONSE('No valid session or API token');
  if ('permission' in access) responses['403'] = PROBLEM_RESPONSE(`The caller lacks the permission "${access.permission}"${access.orOwner ? ` and is not ${access.orOwner}` : ''}`);
  responses['429'] = PROBLEM_RESPONSE('Too many requests: retry after the Retry-After header\'s seconds');
  return responses;
}

/** How an operation states its access: OpenAPI `security` plus Portico's own `x-portico-access`. */
function accessDescription(access: RouteAccess): Record<string, unknown> {
  if ('public' in access) return { security: [], 'x-portico-access': { public: true, reason: access.public } };
  const security = [{ sessionCookie: [] }, { bearerToken: [] }];
  if ('signedIn' in access) {
    return access.tokensOnly
      ? { security: [{ bearerToken: [] }], 'x-portico-access': { signedIn: true, tokensOnly: true, note: access.signedIn } }
      : { security, 'x-portico-access': { signedIn: true, note: access.signedIn } };
  }
  return { security, 'x-portico-access': { permission: access.permission, ...(access.scope ? { scope: access.scope } : {}), ...(access.orOwner ? { orOwner: access.orOwner } : {}) } };
}

/** @public */
export interface RouteGroup {
  /** Mount prefix relative to the document's server URL, e.g. `` or `/plugins/cicd`. */
  prefix: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  routes: ApiRoute<any>[];
}

const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { pointer: { type: 'string' }, message: { type: 'string' } } } },
  },
};

/**
 * Builds the OpenAPI 3.1 document from the same route objects express serves.
 * @public
 */
export function buildOpenApiDocument(options: { title: string; version: string; serverUrl: string; groups: RouteGroup[] }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const group of options.groups) {
    for (const route of group.routes) {
      const path = `${group.prefix}${route.path}`;
      const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
      const queryParams = Object.entries(route.query ?? {}).map(([name, q]) => ({
        name,
        in: 'query',
        required: q.required ?? false,
        description: q.description,
        schema: q.schema ?? { type: 'string' },
      }));
      const responses: Record<string, unknown> = {};
      for (const [status, response] of Object.entries(route.responses)) {
        // A problem answer a route documents in its own words has the shape every problem has.
        if (response.contentType === 'application/problem+json' && !response.schema) {
          responses[status] = PROBLEM_RESPONSE(response.description);
          continue;
        }
        responses[status] = {
          description: response.description,
          ...(response.schema || response.contentType
            ? { content: { [response.contentType ?? 'application/json']: { schema: response.schema ?? {} } } }
            : {}),
        };
      }
      const hasInput = Boolean(route.body) || queryParams.length > 0 || pathParams.length > 0;
      for (const [status, response] of Object.entries(accessResponses(route.access, hasInput))) responses[status] ??= response;
      responses.default = PROBLEM_RESPONSE('A problem');
      paths[path] = paths[path] ?? {};
      paths[path][route.method] = {
        operationId: route.operationId,
        summary: route.summary,
        tags: route.tags,
        ...accessDescription(route.access),
        parameters: [...pathParams, ...queryParams],
        ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } } : {}),
        responses,
      };
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: options.title, version: options.version, license: { name: 'Apache-2.0', identifier: 'Apache-2.0' } },
    servers: [{ url: options.serverUrl }],
    paths,
    components: {
      schemas: { Problem: PROBLEM_SCHEMA },
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The session of a person signed in through the web UI (OpenID Connect)' },
        bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token (personal or from portico.config.yaml), or a run\'s callback token' },
      },
    },
  };
}
