import type { JsonSchema } from './json-schema';
import type { QueryFilter } from './query';

/**
 * A relation from entities of one kind to entities of another, stored in both directions.
 * @public
 */
export interface RelationDefinition {
  /** Kind id of the entities this relation points at. */
  target: string;
  /** Whether the relation holds a list of targets (`true`) or at most one (`false`, default). */
  many?: boolean;
  /** Whether every entity must set it. */
  required?: boolean;
  /** Title of the forward direction, for example "Owned by". */
  title?: string;
  /** Name of the inverse direction as seen from the target, for example "ownerOf". */
  inverse?: string;
  /** Title of the inverse direction, for example "Owner of". */
  inverseTitle?: string;
}

/**
 * Copies a value from a related entity: `path` is relation names then a property, e.g. `system.domain.$title`.
 * @public
 */
export interface MirrorProperty {
  title?: string;
  path: string;
}

/**
 * A value computed from the entity itself with a small, side-effect-free expression.
 * @public
 */
export interface CalculationProperty {
  title?: string;
  /** Expression over `properties`, `relations`, `title`, `id`, e.g. `properties.replicas * 2`. */
  expression: string;
  type?: 'string' | 'number' | 'boolean';
}

/**
 * Counts or folds over related entities.
 * @public
 */
export interface AggregationProperty {
  title?: string;
  /** Relation to follow: a relation name of this kind, or an inverse relation name. */
  relation: string;
  func: 'count' | 'sum' | 'avg' | 'min' | 'max';
  /** Property of the related entities to fold (not needed for `count`). */
  property?: string;
  /** Only related entities matching this filter count. */
  filter?: QueryFilter;
}

/**
 * An entity kind (Port calls them blueprints): the schema every entity of the kind obeys.
 * @public
 */
export interface KindDefinition {
  id: string;
  title: string;
  description?: string;
  icon?: string;
  /** JSON Schema of `properties`: an object schema. Custom formats: url, email, date-time, markdown, timer, user, team. */
  schema: JsonSchema;
  relations?: Record<string, RelationDefinition>;
  /** Kind id of owners (usually `team`); when set, `owner` must name an entity of that kind. */
  ownerKind?: string;
  /**
   * Fields people may change on entities a plugin writes (its provider's or its actions'):
   * property names, or `title`, `description`, `owner`, `relations.<name>`. Everything
   * else on such an entity belongs to the plugin, which would overwrite it.
   */
  editable?: string[];
  /**
   * Whether entities of this kind that come from catalog files (`meta.source` `code:<file>`)
   * may still be changed or deleted through the API and UI. Default false: such a write is
   * refused with a 409 naming the file, since the next apply would undo it.
   */
  allowOverrides?: boolean;
  mirror?: Record<string, MirrorProperty>;
  calculation?: Record<string, CalculationProperty>;
  aggregation?: Record<string, AggregationProperty>;
}
