import type { Entity, EntityRef, KindDefinition } from '@portico/plugin-api';

export interface RelationLink {
  direction: 'outgoing' | 'incoming';
  /** Relation name as declared on the source kind (or its inverse name when incoming). */
  relation: string;
  title: string;
  entity: EntityRef & { title?: string };
}

type Loose = Record<string, unknown>;

function refOf(item: Loose): (EntityRef & { title?: string }) | null {
  const nested = (item.entity ?? item.target ?? item.source ?? item.to ?? item.from) as Loose | undefined;
  if (nested && typeof nested === 'object') {
    if (typeof nested.kind !== 'string' || typeof nested.id !== 'string') return null;
    return { kind: nested.kind, id: nested.id, title: typeof nested.title === 'string' ? nested.title : undefined };
  }
  // Flat items (`{ relation, title, kind, id }`): `title` is the relation's, not the entity's.
  if (typeof item.kind !== 'string' || typeof item.id !== 'string') return null;
  return { kind: item.kind, id: item.id, title: typeof item.entityTitle === 'string' ? item.entityTitle : undefined };
}

function linksFrom(list: unknown, direction: RelationLink['direction']): RelationLink[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((raw: Loose) => {
    const entity = refOf(raw);
    if (!entity) return [];
    const relation = String(raw.relation ?? raw.name ?? '');
    const title = String(raw.title ?? raw.relationTitle ?? (direction === 'incoming' ? raw.inverseTitle ?? raw.inverse : undefined) ?? relation);
    return [{ direction: (raw.direction === 'incoming' || raw.direction === 'outgoing' ? raw.direction : direction) as RelationLink['direction'], relation, title, entity }];
  });
}

/** Reads the relations endpoint's answer, accepting `{outgoing, incoming}` or `{items}` shapes. */
export function normalizeRelations(answer: unknown): RelationLink[] {
  if (!answer || typeof answer !== 'object') return [];
  const body = answer as Loose;
  if (Array.isArray(body.items)) return linksFrom(body.items, 'outgoing');
  return [...linksFrom(body.outgoing ?? body.upstream, 'outgoing'), ...linksFrom(body.incoming ?? body.downstream, 'incoming')];
}

/** Outgoing relations straight from the entity, used when the relations endpoint is unavailable. */
export function relationsFromEntity(entity: Entity, kind: KindDefinition | undefined): RelationLink[] {
  return Object.entries(entity.relations ?? {}).flatMap(([name, value]) => {
    const definition = kind?.relations?.[name];
    const ids = value === null ? [] : Array.isArray(value) ? value : [value];
    return ids.map((id) => ({ direction: 'outgoing' as const, relation: name, title: definition?.title ?? name, entity: { kind: definition?.target ?? '', id } }));
  });
}

/** Links with entity titles filled in from `titles` (keyed `kind:id`). */
export function withTitles(links: RelationLink[], titles: Map<string, string>): RelationLink[] {
  return links.map((link) => ({ ...link, entity: { ...link.entity, title: link.entity.title ?? titles.get(`${link.entity.kind}:${link.entity.id}`) } }));
}
