import type { DashboardWidget, KindDefinition } from '@portico/plugin-api';

/** Which settings the editor shows for a widget, by its type and choices. */
export function widgetFields(widget: DashboardWidget): { query: boolean; property: boolean; numeric: boolean; timeProperty: boolean; runs: boolean } {
  const overProperty = widget.type === 'line' && widget.source === 'property';
  const aggregates = widget.type === 'number' && (widget.aggregate ?? 'count') !== 'count';
  return {
    query: widget.type === 'number' || widget.type === 'pie' || widget.type === 'bar' || widget.type === 'table' || overProperty,
    property: widget.type === 'pie' || widget.type === 'bar' || aggregates || overProperty,
    numeric: aggregates || overProperty,
    timeProperty: overProperty,
    runs: widget.type === 'runs' || (widget.type === 'line' && !overProperty),
  };
}

const typeOf = (schema: { type?: unknown }): unknown => (Array.isArray(schema.type) ? schema.type[0] : schema.type);

/** A kind's properties a widget can use: to count (facets), to add up (numbers), to draw along (dates). */
export function kindFields(kind: KindDefinition | undefined): { facets: string[]; numeric: string[]; dates: string[] } {
  const properties = Object.entries(kind?.schema.properties ?? {});
  const scalar = properties.filter(([, s]) => ['string', 'number', 'integer', 'boolean'].includes(String(typeOf(s))) && s.format !== 'markdown' && s.format !== 'url').map(([name]) => name);
  return {
    facets: kind ? [...(kind.ownerKind ? ['owner'] : []), ...scalar] : ['kind', 'owner'],
    numeric: properties.filter(([, s]) => typeOf(s) === 'number' || typeOf(s) === 'integer').map(([name]) => name),
    dates: ['meta.updatedAt', ...properties.filter(([, s]) => s.format === 'date-time' || s.format === 'date').map(([name]) => name)],
  };
}
