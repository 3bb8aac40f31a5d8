/**
 * One page of `items` by `offset` and `limit` query parameters, as PagerDuty and Airflow paginate.
 * @alpha
 */
export interface OffsetPage<T> {
  items: T[];
  offset: number;
  limit: number;
  /** Whether items follow this page. */
  more: boolean;
  total: number;
}

/**
 * Slices `items` by the request's `offset` and `limit` (strings or numbers), with the vendor's
 * default and maximum page size. A negative or non-numeric value counts as absent.
 * @alpha
 */
export function offsetPage<T>(items: readonly T[], query: Record<string, unknown>, options: { defaultLimit: number; maxLimit?: number }): OffsetPage<T> {
  const read = (value: unknown): number | undefined => {
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
    return Number.isInteger(n) && n >= 0 ? n : undefined;
  };
  const offset = read(query.offset) ?? 0;
  const limit = Math.min(read(query.limit) ?? options.defaultLimit, options.maxLimit ?? Number.MAX_SAFE_INTEGER);
  const page = items.slice(offset, offset + limit);
  return { items: page, offset, limit, more: offset + page.length < items.length, total: items.length };
}

/**
 * One page of `items` by `starting_after` / `ending_before` object ids and `limit`, as Stripe paginates.
 * @alpha
 */
export interface CursorPage<T> {
  items: T[];
  hasMore: boolean;
}

/**
 * Slices `items` (in the order the list returns them) after or before the item whose id is the
 * cursor. An unknown cursor throws, so the handler can answer the vendor's 400 for it.
 * @alpha
 */
export function cursorPage<T>(items: readonly T[], query: Record<string, unknown>, options: { idOf(item: T): string; defaultLimit?: number; maxLimit?: number }): CursorPage<T> {
  const limitValue = typeof query.limit === 'string' && /^\d+$/.test(query.limit) ? Number(query.limit) : undefined;
  const limit = Math.min(Math.max(limitValue ?? options.defaultLimit ?? 10, 1), options.maxLimit ?? 100);
  const indexOf = (id: unknown): number => {
    const index = items.findIndex((item) => options.idOf(item) === id);
    if (index < 0) throw new Error(`No such object: '${String(id)}'`);
    return index;
  };
  if (typeof query.ending_before === 'string') {
    const end = indexOf(query.ending_before);
    const start = Math.max(0, end - limit);
    return { items: items.slice(start, end), hasMore: start > 0 };
  }
  const start = typeof query.starting_after === 'string' ? indexOf(query.starting_after) + 1 : 0;
  const page = items.slice(start, start + limit);
  return { items: page, hasMore: start + page.length < items.length };
}
