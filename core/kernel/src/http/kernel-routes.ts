import { defineRoute, type ApiRoute } from '@portico/http';
import type { PluginRecord } from '../plugins/plugin-record';

const PLUGIN_SCHEMA = {
  type: 'object',
  required: ['id', 'packageName', 'version', 'status', 'contributions'],
  properties: {
    id: { type: 'string' },
    packageName: { type: 'string' },
    version: { type: 'string' },
    status: { enum: ['running', 'failed'] },
    error: { type: 'string' },
    warnings: { type: 'array', items: { type: 'string' } },
    contributions: { type: 'object' },
    ui: { type: ['object', 'null'] },
  },
};

export function publicPluginRecord(record: PluginRecord): Record<string, unknown> {
  return {
    id: record.id,
    packageName: record.packageName,
    version: record.version,
    status: record.status,
    ...(record.error ? { error: record.error } : {}),
    warnings: record.warnings,
    contributions: record.contributions,
    ui: record.ui ? { url: record.ui.url, uiApi: record.ui.uiApi } : null,
  };
}

/** The kernel's own API: installed plugins, the caller's identity and the OpenAPI document. */
export function kernelRoutes(options: { records: () => PluginRecord[]; openapi: () => Record<string, unknown> }): ApiRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/plugins',
      operationId: 'listPlugins',
      summary: 'Installed plugins with their version, contributions and status',
      tags: ['kernel'],
      access: { signedIn: 'Every signed-in identity sees what the portal runs' },
      responses: { '200': { description: 'The plugins', schema: { type: 'object', properties: { items: { type: 'array', items: PLUGIN_SCHEMA } } } } },
      handler: () => ({ body: { items: options.records().map(publicPluginRecord) } }),
    }),
    defineRoute({
      method: 'get',
      path: '/me',
      operationId: 'getIdentity',
      summary: 'The identity this request acts as (the labelled guest in dev mode)',
      tags: ['kernel'],
      access: { signedIn: 'Everyone may see who they are' },
      responses: {
        '200': {
          description: 'The identity',
          schema: { type: 'object', required: ['id', 'kind', 'displayName', 'teams', 'isGuest'], properties: { id: { type: 'string' }, kind: { enum: ['user', 'token', 'guest', 'plugin', 'run'] }, displayName: { type: 'string' }, teams: { type: 'array', items: { type: 'string' } }, isGuest: { type: 'boolean' }, permissions: { type: 'array', items: { type: 'string' } }, roles: { type: 'array', items: { type: 'string' } }, via: { type: 'string' } } },
        },
      },
      handler: ({ identity }) => ({ body: identity }),
    }),
    defineRoute({
      method: 'get',
      path: '/openapi.json',
      operationId: 'getOpenApiDocument',
      summary: 'This OpenAPI 3.1 document',
      tags: ['kernel'],
      access: { signedIn: 'The API description, for clients and the docs' },
      responses: { '200': { description: 'The document', schema: { type: 'object' } } },
      handler: () => ({ body: options.openapi() }),
    }),
  ];
}
