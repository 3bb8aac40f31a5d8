import type { KindDefinition, JsonSchema } from '@portico/plugin-api';

export interface CatalogColumn {
  /** Query property name, e.g. `title` or `lifecycle`. */
  property: string;
  title: string;
  schema?: JsonSchema;
  width: number;
  /** The catalog sorts only by id, update time, numbers and date-times (its sorted indexes). */
  sortable: boolean;
}

function isSortable(schema: JsonSchema): boolean {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  return type === 'number' || type === 'integer' || schema.format === 'date-time';
}

const SCALAR = new Set(['string', 'number', 'integer', 'boolean']);

/** Columns from the kind's schema: title, id and owner first, then up to six scalar properties. */
export function catalogColumns(kind: KindDefinition): CatalogColumn[] {
  const columns: CatalogColumn[] = [
    { property: 'title', title: 'Title', width: 240, sortable: true },
    { property: 'id', title: 'Id', width: 180, sortable: true },
  ];
  if (kind.ownerKind) columns.push({ property: 'owner', title: 'Owner', width: 140, schema: { format: 'team' }, sortable: false });
  for (const [name, schema] of Object.entries(kind.schema.properties ?? {})) {
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    if (columns.length >= 9 || (type && !SCALAR.has(type)) || schema.format === 'markdown') continue;
    columns.push({ property: name, title: schema.title ?? name, schema, width: 160, sortable: isSortable(schema) });
  }
  return columns;
}

/** Properties worth counting as facets: enums and booleans (few distinct values). */
export function facetProperties(kind: KindDefinition): string[] {
  const names = Object.entries(kind.schema.properties ?? {})
    .filter(([, schema]) => Array.isArray(schema.enum) || schema.type === 'boolean')
    .map(([name]) => name);
  return kind.ownerKind ? ['owner', ...names] : names;
}
