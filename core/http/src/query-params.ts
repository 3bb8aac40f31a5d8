import { ValidationError, type JsonSchema, type RouteQueryParameter } from '@portico/plugin-api';
import type { SchemaValidator } from './schema-validator';

const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;

function typesOf(schema: JsonSchema): string[] {
  const type = (schema as { type?: string | string[] }).type;
  return type === undefined ? [] : Array.isArray(type) ? type : [type];
}

/** A query string value as the type its schema names (the wire only carries text). */
function coerce(text: string, types: string[]): unknown {
  if ((types.includes('integer') || types.includes('number')) && NUMBER.test(text)) return Number(text);
  if (types.includes('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/**
 * Checks every declared query parameter against its schema, so a bad value is a 400 naming
 * `/query/<name>` before a handler (or a store behind it) sees it. Values keep their text form
 * for the handler; a parameter given twice, or as `name[key]=`, is refused unless its schema
 * is an array.
 */
export function assertQueryParams(route: { query?: Record<string, RouteQueryParameter> }, query: Record<string, unknown>, validator: SchemaValidator): void {
  for (const [name, param] of Object.entries(route.query ?? {})) {
    const raw = query[name];
    const pointer = `/query/${name}`;
    const what = `The query parameter "${name}"`;
    if (raw === undefined) {
      if (param.required) throw new ValidationError(`${what} is required${param.description ? `: ${param.description}` : ''}.`, [{ pointer, message: 'is required' }]);
      continue;
    }
    const schema = param.schema ?? { type: 'string' };
    const types = typesOf(schema);
    let value: unknown;
    if (types.includes('array')) {
      const items = ((schema as { items?: JsonSchema }).items ?? {}) as JsonSchema;
      const list = Array.isArray(raw) ? raw : [raw];
      if (list.some((item) => typeof item !== 'string')) throw new ValidationError(`${what} must be a list of plain values.`, [{ pointer, message: 'must be a list of plain values' }]);
      value = (list as string[]).map((item) => coerce(item, typesOf(items)));
    } else if (typeof raw !== 'string') {
      throw new ValidationError(`${what} must be given once, as plain text (not repeated, not "${name}[...]=").`, [{ pointer, message: 'must be a single value' }]);
    } else value = coerce(raw, types);
    validator.assert(schema, value, what, pointer);
  }
}
