import type { Entity, PropertyRule } from '@portico/plugin-api';

/** Conditions on the values in a values registry (raw, decoded values). */
export interface ValueMatch {
  /** JSON-encoded prefix without its closing quote: a lexicographic range over the registry. */
  encodedPrefix?: string;
  suffix?: string;
  contains?: string;
  gt?: string;
  gte?: string;
  lt?: string;
  lte?: string;
}

/**
 * A query compiled to set algebra over the indexes. The embedded store evaluates it with
 * JavaScript sets, the Redis store in one Lua script with ZINTERSTORE/ZUNIONSTORE/ZDIFFSTORE,
 * and `matchesPlan` evaluates it against one entity for post-filtering.
 */
export type PlanNode =
  | { t: 'key'; key: string }
  | { t: 'ids'; refs: string[] }
  | { t: 'empty' }
  | { t: 'and'; of: PlanNode[] }
  | { t: 'or'; of: PlanNode[] }
  /** The first set minus all the others. */
  | { t: 'diff'; of: PlanNode[] }
  /** Members of a sorted set whose score lies in Redis score bounds (`5`, `(5`, `-inf`, `+inf`). */
  | { t: 'range'; key: string; min: string; max: string }
  /** Members of a sorted set starting with `prefix` (entity id prefixes). */
  | { t: 'prefix'; key: string; prefix: string }
  /** Union of the equality indexes `eqPrefix + value` for the registry values that match. */
  | { t: 'values'; valuesKey: string; eqPrefix: string; match: ValueMatch }
  /** A rule no index answers: stores return `universe` (a superset); the post-filter decides. */
  | { t: 'residual'; universe: string; rule?: PropertyRule; search?: string[] };

export interface FacetSource {
  /** Count matches in `eqPrefix + value` for every value of `valuesKey`... */
  valuesKey?: string;
  eqPrefix?: string;
  /** ...or in one fixed key, reported under `value` (an encoded value). */
  key?: string;
  value?: string;
}

export interface FacetSpec {
  name: string;
  sources: FacetSource[];
}

export interface SortSpec {
  /** Sorted set giving each ref its score; null sorts by ref. */
  key: string | null;
  desc: boolean;
  /** Recorded in cursors so a cursor cannot be replayed against another order. */
  label: string;
}

export interface StoreCursor {
  score: string;
  ref: string;
}

/** What a store executes: an exact plan, paged and faceted natively. */
export interface StoreQuery {
  node: PlanNode;
  sort: SortSpec;
  cursor: StoreCursor | null;
  limit: number;
  facets: FacetSpec[];
}

export interface StoreQueryResult {
  total: number;
  /** The page, in order, with each ref's sort score (Redis text form). */
  page: Array<{ ref: string; score: string }>;
  hasMore: boolean;
  /**
   * The page's entities (read in the same atomic step as the page), as objects or as their
   * stored JSON (text, or UTF-8 bytes that HTTP answers pass on without decoding them).
   */
  docs: Array<Entity | string | Buffer | null>;
  /** facet name -> encoded value -> count */
  facets: Record<string, Record<string, number>>;
}

/** Facet values per facet beyond this many (in value order) are not reported. */
export const MAX_FACET_VALUES = 1000;
