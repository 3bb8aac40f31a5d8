import type { JsonSchema, KindDefinition } from '@portico/plugin-api';

/**
 * How a top-level property is indexed, derived from its JSON Schema:
 * - `string`: equality sets + a values registry (facets, prefix/suffix/range via the registry), tokens for search
 * - `text`: markdown or unbounded prose: tokens only; other operators run as a bounded post-filter
 * - `number` / `date`: equality sets + a sorted set by numeric value (date: epoch ms) for ranges and sorting
 * - `boolean`: equality sets
 * - `array`: equality sets per element (`contains`, `containsAny`)
 * - `object`: presence only
 */
export type PropertyClass = 'string' | 'text' | 'number' | 'date' | 'boolean' | 'array' | 'object';

export interface PropertyInfo {
  name: string;
  cls: PropertyClass;
  timer: boolean;
}

export interface KindInfo {
  kind: KindDefinition;
  properties: Map<string, PropertyInfo>;
}

function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return typeof schema.enum[0] === 'number' ? 'number' : typeof schema.enum[0];
  return undefined;
}

export function classify(schema: JsonSchema): PropertyInfo['cls'] {
  const type = typeOf(schema);
  if (type === 'string') {
    if (schema.format === 'date-time' || schema.format === 'timer' || schema.format === 'date') return 'date';
    if (schema.format === 'markdown') return 'text';
    if (typeof schema.maxLength === 'number' && schema.maxLength > 512) return 'text';
    return 'string';
  }
  if (type === 'number' || type === 'integer') return 'number';
  if (type === 'boolean') return 'boolean';
  if (type === 'array') return 'array';
  return 'object';
}

export function analyseKind(kind: KindDefinition): KindInfo {
  const properties = new Map<string, PropertyInfo>();
  for (const [name, schema] of Object.entries(kind.schema.properties ?? {})) {
    properties.set(name, { name, cls: classify(schema), timer: schema.format === 'timer' });
  }
  return { kind, properties };
}
