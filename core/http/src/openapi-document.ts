import type { ApiRoute } from './api-route';

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

/** Builds the OpenAPI 3.1 document from the same route objects express serves. */
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
        responses[status] = {
          description: response.description,
          ...(response.schema || response.contentType
            ? { content: { [response.contentType ?? 'application/json']: { schema: response.schema ?? {} } } }
            : {}),
        };
      }
      responses.default = { description: 'A problem', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
      paths[path] = paths[path] ?? {};
      paths[path][route.method] = {
        operationId: route.operationId,
        summary: route.summary,
        tags: route.tags,
        parameters: [...pathParams, ...queryParams],
        ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } } : {}),
        responses,
      };
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: options.title, version: options.version },
    servers: [{ url: options.serverUrl }],
    paths,
    components: { schemas: { Problem: PROBLEM_SCHEMA } },
  };
}
