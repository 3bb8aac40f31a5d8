import type { Entity, EntityEvent, EntityInput, EntityRef } from '../model/entity';
import type { KindDefinition } from '../model/kind';
import type { EntityQuery, QueryResult } from '../model/query';

/** @public */
export interface WriteOptions {
  /** Actor recorded in `meta.updatedBy`. */
  actor?: string;
  /** Expected `meta.version`; a mismatch fails with a 412 error. */
  ifVersion?: number;
}

/** @public */
export interface DeleteOptions extends WriteOptions {
  /** Also delete entities that require this one. */
  cascade?: boolean;
}

/**
 * The catalog as plugins see it.
 * @public
 */
export interface CatalogService {
  listKinds(): Promise<KindDefinition[]>;
  getKind(id: string): Promise<KindDefinition | null>;
  get(ref: EntityRef): Promise<Entity | null>;
  query(query: EntityQuery): Promise<QueryResult<Entity>>;
  upsert(entity: EntityInput, options?: WriteOptions): Promise<Entity>;
  patch(ref: EntityRef, patch: Partial<Omit<EntityInput, 'kind' | 'id'>>, options?: WriteOptions): Promise<Entity>;
  delete(ref: EntityRef, options?: DeleteOptions): Promise<void>;
  /** Subscribe to entity events; returns an unsubscribe function. */
  onEvent(listener: (event: EntityEvent) => void | Promise<void>): () => void;
}
