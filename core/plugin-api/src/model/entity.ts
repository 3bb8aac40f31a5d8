/**
 * Reference to one entity.
 * @public
 */
export interface EntityRef {
  kind: string;
  id: string;
}

/** @public */
export interface EntityMeta {
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
  /** Increases by one on every write; the ETag is derived from it. */
  version: number;
  /**
   * The source that owns the entity, `provider:<provider id>` for an entity provider's writes,
   * `code:<file>` for an entity applied from a catalog file (see `managedInCode`);
   * absent for entities written only through the API. Another source cannot overwrite it, and
   * only its own source's full sync deletes it.
   */
  source?: string;
}

/**
 * Relation values are entity ids of the relation's target kind.
 * @public
 */
export type RelationValues = Record<string, string | string[] | null>;

/** @public */
export interface Entity {
  kind: string;
  id: string;
  title: string;
  description?: string;
  /** Entity id of the owning team (kind given by the kind's `ownerKind`). */
  owner?: string;
  properties: Record<string, unknown>;
  relations: RelationValues;
  /** Mirror, calculation and aggregation values, computed on read. */
  computed?: Record<string, unknown>;
  meta: EntityMeta;
}

/**
 * What a writer sends: an entity without `meta` and `computed`.
 * @public
 */
export type EntityInput = Omit<Entity, 'meta' | 'computed' | 'properties' | 'relations'> & {
  properties?: Record<string, unknown>;
  relations?: RelationValues;
};

/** @public */
export type EntityEventType = 'created' | 'updated' | 'deleted';

/** @public */
export interface EntityEvent {
  type: EntityEventType;
  kind: string;
  id: string;
  before: Entity | null;
  after: Entity | null;
  actor: string;
  at: string;
}
