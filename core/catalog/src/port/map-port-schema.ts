import type { JsonSchema } from '@portico/plugin-api';
import type { PortProperty } from './port-export';
import type { PortProblem } from './port-import-report';

/** Formats Portico validates: its own (url, email, date-time, markdown, timer, user) and ajv-formats' (date, ipv4...). */
const FORMATS = new Set(['url', 'email', 'date-time', 'date', 'time', 'markdown', 'timer', 'user', 'ipv4', 'ipv6', 'uri', 'uuid', 'hostname']);
/** JSON Schema keywords carried over; Port's display extras (icon, enumColors, colorized) are dropped. */
const KEYWORDS = ['type', 'title', 'description', 'enum', 'default', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'required', 'additionalProperties', 'const'];
const DISPLAY_ONLY = new Set(['icon', 'enumColors', 'colorized', 'colors', 'format', 'items', 'properties']);
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array']);

/** One Port property schema as JSON Schema Portico validates, noting what changed on the way. */
export function mapPortProperty(property: PortProperty, where: { blueprint: string; at: string }, notes: PortProblem[]): JsonSchema {
  const schema: Record<string, unknown> = {};
  for (const key of KEYWORDS) if (property[key] !== undefined) schema[key] = property[key];
  if (typeof property.type === 'string' && !TYPES.has(property.type)) {
    notes.push({ ...where, message: `type "${property.type}" is not a JSON Schema type: any value is accepted` });
    delete schema.type;
  }
  if (typeof property.format === 'string') {
    if (FORMATS.has(property.format)) schema.format = property.format;
    else if (property.format === 'entity') notes.push({ ...where, message: `format "entity" (a reference to a${property.blueprint ? ` ${String(property.blueprint)}` : 'n'} entity) is kept as its identifier, a plain string; a relation would be checked` });
    else notes.push({ ...where, message: `format "${property.format}" is not one Portico knows${property.format === 'team' ? ' (Port team names are not Portico team ids)' : ''}: kept as a plain string` });
  }
  if (property.items && typeof property.items === 'object') schema.items = mapPortProperty(property.items as PortProperty, { ...where, at: `${where.at}.items` }, notes);
  if (property.properties && typeof property.properties === 'object') {
    schema.properties = Object.fromEntries(Object.entries(property.properties as Record<string, PortProperty>).map(([name, p]) => [name, mapPortProperty(p, { ...where, at: `${where.at}.${name}` }, notes)]));
  }
  const dropped = Object.keys(property).filter((key) => !KEYWORDS.includes(key) && !DISPLAY_ONLY.has(key) && key !== 'blueprint');
  if (dropped.length) notes.push({ ...where, message: `${dropped.join(', ')} ${dropped.length === 1 ? 'is' : 'are'} Port-specific and left out` });
  return schema as JsonSchema;
}
