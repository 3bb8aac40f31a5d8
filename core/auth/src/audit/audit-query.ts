import { ValidationError } from '@portico/plugin-api';
import type { AuditOutcome, AuditRecord } from './audit-record';

/**
 * Which records to list, and from where.
 * @public
 */
export interface AuditQuery {
  actor?: string;
  action?: string;
  target?: string;
  outcome?: AuditOutcome;
  /** ISO times, inclusive. */
  from?: string;
  to?: string;
  /** `newest` (default) or `oldest` first. */
  order?: 'newest' | 'oldest';
  /** The `nextCursor` of the previous page: a record's sequence number, exclusive. */
  cursor?: string;
  /** Default 50, at most 500. */
  limit?: number;
}

/** @public */
export interface AuditPage {
  items: AuditRecord[];
  /** Pass back as `cursor` for the next page; null when nothing is left. */
  nextCursor: string | null;
}

const CURSOR = /^[1-9][0-9]{0,15}$/;

/** The cursor's sequence number, or a 400 that says what a cursor looks like. */
export function parseCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  if (!CURSOR.test(cursor)) {
    throw new ValidationError(`The cursor "${cursor.slice(0, 40)}" is not one this API gave: pass the nextCursor of the previous page (a record's sequence number), or omit it to start from the first page.`, [
      { pointer: '/query/cursor', message: 'must be a positive whole number from nextCursor' },
    ]);
  }
  return Number(cursor);
}

/** The query's time bounds as ISO strings, or a 400 naming the bad one. */
export function parseTime(value: string | undefined, name: 'from' | 'to'): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new ValidationError(`"${name}" must be a date and time such as 2026-12-01T00:00:00Z.`, [{ pointer: `/query/${name}`, message: 'must be an ISO 8601 date-time' }]);
  return new Date(time).toISOString();
}

/** True when the record passes every filter of the query. */
export function matchesQuery(record: AuditRecord, query: AuditQuery, from?: string, to?: string): boolean {
  if (query.actor !== undefined && record.actor !== query.actor) return false;
  if (query.action !== undefined && record.action !== query.action) return false;
  if (query.target !== undefined && record.target !== query.target) return false;
  if (query.outcome !== undefined && record.outcome !== query.outcome) return false;
  if (from !== undefined && record.at < from) return false;
  if (to !== undefined && record.at > to) return false;
  return true;
}
