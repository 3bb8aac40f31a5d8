import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonSchema } from '@portico/plugin-api';

/** The shipped contract, as companies get it: `@portico/plugin-backoffice/tenant-admin.openapi.json`. */
export const tenantAdminContract = JSON.parse(readFileSync(join(__dirname, '..', '..', 'openapi', 'tenant-admin.openapi.json'), 'utf8'));

/** A schema of the contract with its `$ref`s inlined, so any JSON Schema validator takes it. */
export function contractSchema(schema: JsonSchema): JsonSchema {
  const resolve = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(resolve);
    if (!node || typeof node !== 'object') return node;
    const ref = (node as { $ref?: string }).$ref;
    if (ref) return resolve(ref.replace(/^#\//, '').split('/').reduce((at: any, key) => at[key], tenantAdminContract));
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolve(v)]));
  };
  return resolve(schema) as JsonSchema;
}

/** The request body schema of an operation (`POST /tenants`), from the contract. */
export function requestSchemaOf(method: string, path: string): JsonSchema {
  return contractSchema(tenantAdminContract.paths[path][method.toLowerCase()].requestBody.content['application/json'].schema);
}

/** The response schema of an operation for a status, from the contract (undefined: no body). */
export function responseSchemaOf(method: string, path: string, status: number): JsonSchema | undefined {
  const response = contractSchema(tenantAdminContract.paths[path][method.toLowerCase()].responses[String(status)]) as { content?: Record<string, { schema: JsonSchema }> };
  if (!response) throw new Error(`The contract has no ${status} answer for ${method} ${path}`);
  return response.content ? Object.values(response.content)[0].schema : undefined;
}
