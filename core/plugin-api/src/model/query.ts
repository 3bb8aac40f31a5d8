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
 */
export interface PropertyRule {
  property: string;
  operator: QueryOperator;
  value?: unknown;
}

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

export type QueryRule = PropertyRule | RelatedToRule | QueryFilter;

export interface QueryFilter {
  combinator: 'and' | 'or';
  rules: QueryRule[];
}

export interface QuerySort {
  property: string;
  order?: 'asc' | 'desc';
}

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

export interface QueryResult<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
  facets?: Record<string, Record<string, number>>;
}
