import { EventEmitter } from 'node:events';
import { NotFoundError, type Entity, type EntityEvent, type EntityInput, type EntityQuery, type EntityRef, type KindDefinition, type QueryFilter, type QueryResult } from '@portico/plugin-api';
import type { Catalog } from '../catalog/catalog';

function read(entity: Entity, property: string): unknown {
  if (['id', 'title', 'owner', 'kind'].includes(property)) return (entity as unknown as Record<string, unknown>)[property];
  return entity.properties[property.replace(/^properties\./, '')];
}

function matches(entity: Entity, filter: QueryFilter): boolean {
  const results = filter.rules.map((rule) => {
    if ('combinator' in rule) return matches(entity, rule);
    if (rule.operator === 'relatedTo') return false;
    const v = read(entity, rule.property);
    switch (rule.operator) {
      case '=':
        return v === rule.value;
      case '!=':
        return v !== rule.value;
      case 'in':
        return Array.isArray(rule.value) && rule.value.includes(v);
      default:
        throw new Error(`test catalog: operator ${rule.operator} not supported`);
    }
  });
  return filter.combinator === 'and' ? results.every(Boolean) : results.some(Boolean);
}

/**
 * A small in-memory catalog for runner unit tests (the real catalog has its own tests);
 * the timer and automation tests use the real @portico/catalog.
 */
export class MemoryCatalog implements Catalog {
  private readonly entities = new Map<string, Entity>();
  private readonly events = new EventEmitter();

  async listKinds(): Promise<KindDefinition[]> {
    return [];
  }
  async getKind(): Promise<KindDefinition | null> {
    return null;
  }
  async get(ref: EntityRef): Promise<Entity | null> {
    return structuredClone(this.entities.get(`${ref.kind}/${ref.id}`) ?? null);
  }
  async query(query: EntityQuery): Promise<QueryResult<Entity>> {
    const items = [...this.entities.values()].filter((e) => (!query.kind || e.kind === query.kind) && (!query.filter || matches(e, query.filter)));
    return { items: items.slice(0, query.limit ?? 100), total: items.length, nextCursor: null };
  }
  async upsert(input: EntityInput, options: { actor?: string } = {}): Promise<Entity> {
    const key = `${input.kind}/${input.id}`;
    const before = this.entities.get(key) ?? null;
    const now = new Date().toISOString();
    const after: Entity = {
      ...input,
      properties: input.properties ?? {},
      relations: input.relations ?? {},
      meta: { createdAt: before?.meta.createdAt ?? now, updatedAt: now, createdBy: before?.meta.createdBy ?? options.actor ?? 'test', updatedBy: options.actor ?? 'test', version: (before?.meta.version ?? 0) + 1 },
    };
    this.entities.set(key, after);
    this.emit({ type: before ? 'updated' : 'created', kind: after.kind, id: after.id, before, after, actor: options.actor ?? 'test', at: now });
    return structuredClone(after);
  }
  async patch(ref: EntityRef, patch: Partial<Omit<EntityInput, 'kind' | 'id'>>, options: { actor?: string } = {}): Promise<Entity> {
    const current = this.entities.get(`${ref.kind}/${ref.id}`);
    if (!current) throw new NotFoundError(`${ref.kind}:${ref.id}`);
    return this.upsert({ ...current, ...patch, properties: { ...current.properties, ...(patch.properties ?? {}) }, kind: ref.kind, id: ref.id }, options);
  }
  async delete(ref: EntityRef, options: { actor?: string } = {}): Promise<void> {
    const before = this.entities.get(`${ref.kind}/${ref.id}`);
    if (!before) throw new NotFoundError(`${ref.kind}:${ref.id}`);
    this.entities.delete(`${ref.kind}/${ref.id}`);
    this.emit({ type: 'deleted', kind: ref.kind, id: ref.id, before, after: null, actor: options.actor ?? 'test', at: new Date().toISOString() });
  }
  onEvent(listener: (event: EntityEvent) => void | Promise<void>): () => void {
    this.events.on('event', listener);
    return () => this.events.off('event', listener);
  }
  private emit(event: EntityEvent): void {
    this.events.emit('event', structuredClone(event));
  }
}
