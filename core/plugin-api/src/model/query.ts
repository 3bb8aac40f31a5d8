/** @public */
export type QueryOperator =
  | '='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'in'
  | 'notIn'
  | 'contains'
  | 'containsAny'
  | 'beginsWith'
  | 'endsWith'
  | 'isEmpty'
  | 'isNotEmpty'
  | 'between';

/**
 * One rule. `property` is `id`, `title`, `owner`, `kind`, a property name
 * (`properties.` prefix optional) or `relations.<name>`.
 * @public
 */
export interface PropertyRule {
  property: string;
  operator: QueryOperator;
  value?: unknown;
}

/** @public */
export interface RelatedToRule {
  operator: 'relatedTo';
  kind: string;
  id: string;
  /** `upstream`: entities the given one points at; `downstream`: entities pointing at it. */
  direction: 'upstream' | 'downstream';
  maxHops?: number;
  /** Restrict to one relation name. */
  relation?: string;
}

/** @public */
export type QueryRule = PropertyRule | RelatedToRule | QueryFilter;

/** @public */
export interface QueryFilter {
  combinator: 'and' | 'or';
  rules: QueryRule[];
}

/** @public */
export interface QuerySort {
  property: string;
  order?: 'asc' | 'desc';
}

/** @public */
export interface EntityQuery {
  kind?: string;
  filter?: QueryFilter;
  search?: string;
  sort?: QuerySort;
  limit?: number;
  cursor?: string;
  /** Property names to count values of, over all matches. */
  facets?: string[];
}

/** @public */
export interface QueryResult<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
  facets?: Record<string, Record<string, number>>;
}
