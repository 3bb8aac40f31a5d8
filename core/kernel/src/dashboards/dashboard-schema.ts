import type { JsonSchema } from '@portico/plugin-api';

const NAME = { type: 'string', minLength: 1, maxLength: 200, pattern: '^[^\\x00-\\x1f\\x7f]+$' };
const PROPERTY = { type: 'string', minLength: 1, maxLength: 200, description: 'A property name (or id, title, owner, kind)' };
const GRID = (max: number, min = 0) => ({ type: 'integer', minimum: min, maximum: max });

/** The catalog query a widget shows: which kind, which filter (the catalog query's filter), which search. */
const WIDGET_QUERY: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { kind: { type: 'string', maxLength: 200 }, filter: { type: 'object' }, search: { type: 'string', maxLength: 500 } },
};

export const DASHBOARD_WIDGET_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['id', 'type', 'title', 'layout'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$', description: 'Unique within the dashboard' },
    type: { enum: ['number', 'pie', 'bar', 'line', 'table', 'runs', 'plugin'] },
    title: NAME,
    layout: {
      type: 'object',
      required: ['x', 'y', 'w', 'h'],
      additionalProperties: false,
      description: 'Grid cells: 12 columns, rows of 80 px',
      properties: { x: GRID(11), y: GRID(1000), w: GRID(12, 1), h: GRID(12, 1) },
    },
    query: WIDGET_QUERY,
    property: PROPERTY,
    aggregate: { enum: ['count', 'sum', 'avg', 'min', 'max'] },
    columns: { type: 'array', items: PROPERTY, minItems: 1, maxItems: 12 },
    source: { enum: ['runs', 'property'] },
    timeProperty: PROPERTY,
    days: { type: 'integer', minimum: 1, maximum: 90 },
    runs: {
      type: 'object',
      additionalProperties: false,
      properties: { actionId: { type: 'string', maxLength: 200 }, status: { type: 'string', maxLength: 40 }, team: { type: 'string', maxLength: 200 } },
    },
    plugin: { type: 'object', required: ['pluginId', 'widgetId'], additionalProperties: false, properties: { pluginId: { type: 'string', maxLength: 200 }, widgetId: { type: 'string', maxLength: 200 } } },
  },
};

export const DASHBOARD_INPUT_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['title', 'widgets'],
  additionalProperties: false,
  properties: {
    title: NAME,
    owner: { type: 'string', pattern: '^((user|team):[A-Za-z0-9._@-]{1,200}|guest)$', description: 'user:<id> (default: you) or team:<id> (a team you are in); guest for the dev-mode guest' },
    widgets: { type: 'array', maxItems: 40, items: DASHBOARD_WIDGET_SCHEMA },
    version: { type: 'integer', minimum: 1, description: 'On PUT: the version you edited; a newer stored one is refused with 409' },
  },
};

export const DASHBOARD_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['id', 'title', 'owner', 'widgets', 'createdAt', 'updatedAt', 'updatedBy', 'version'],
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    owner: { type: 'string' },
    widgets: { type: 'array', items: DASHBOARD_WIDGET_SCHEMA },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    updatedBy: { type: 'string' },
    version: { type: 'integer' },
    editable: { type: 'boolean', description: 'Whether the caller may change it' },
    dataRequests: {
      type: 'array',
      description: "The API requests its built-in widgets make first (paths under /api/v1, bodies as canonical JSON): the page starts them while its JavaScript loads",
      items: { type: 'object', required: ['method', 'path'], properties: { method: { enum: ['GET', 'POST'] }, path: { type: 'string' }, body: { type: 'string' } } },
    },
  },
};
