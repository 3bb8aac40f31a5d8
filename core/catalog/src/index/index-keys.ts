/**
 * Logical index key names, shared by both stores (Redis prefixes them with
 * `<keyPrefix>{catalog}:`). Every index is a sorted set of entity refs (`kind/id`);
 * membership indexes use score 0 so that members sort by ref, which gives the default
 * order and lets a single index serve a page directly with ZRANGE BYLEX.
 */
export const indexKeys = {
  all: 'all',
  kind: (kind: string): string => `k|${kind}`,
  eqPrefix: (kind: string, field: string): string => `e|${kind}|${field}|`,
  eq: (kind: string, field: string, encoded: string): string => `e|${kind}|${field}|${encoded}`,
  values: (kind: string, field: string): string => `v|${kind}|${field}`,
  has: (kind: string, field: string): string => `h|${kind}|${field}`,
  numeric: (kind: string, field: string): string => `n|${kind}|${field}`,
  updatedAt: 'n|*|@updatedAt',
  /** Every entity by `titleScore` of its title: sorting by title needs no kind. */
  title: 'n|*|@title',
  /** Entities pointing at `targetRef` through `sourceKind.relation`. */
  inverse: (targetRef: string, sourceKind: string, relation: string): string => `i|${targetRef}|${sourceKind}.${relation}`,
  token: (token: string): string => `t|${token}`,
  /** Entities owned by a source (`meta.source`): what its full sync compares against. */
  source: (source: string): string => `s|${source}`,
  /** Entities applied from any file of one catalog folder (`code:<root>`), see codeRootOf. */
  codeRoot: (root: string): string => `sr|${root}`,
  timers: 'tm',
};

/** Equality index values are JSON-encoded so `"3"` and `3` stay distinct. */
export function encodeValue(value: unknown): string {
  return JSON.stringify(value);
}

export function decodeValue(encoded: string): unknown {
  return JSON.parse(encoded);
}

/** Redis' text form of a score: `inf` for missing values so they sort last. */
export function formatScore(score: number): string {
  if (score === Infinity) return 'inf';
  if (score === -Infinity) return '-inf';
  return String(score);
}

export function parseScore(text: string): number {
  if (text === 'inf' || text === '+inf') return Infinity;
  if (text === '-inf') return -Infinity;
  return Number(text);
}
