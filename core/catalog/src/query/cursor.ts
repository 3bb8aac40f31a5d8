import { ValidationError } from '@portico/plugin-api';
import type { StoreCursor } from './plan';

/**
 * Cursors are keyset positions: the last item's sort score and ref, plus the order they
 * belong to. The next page starts strictly after that position, so concurrent inserts or
 * deletes never make a page repeat or skip an entity that stayed unchanged.
 */
export function encodeCursor(order: string, position: StoreCursor): string {
  return Buffer.from(JSON.stringify({ o: order, s: position.score, r: position.ref })).toString('base64url');
}

export function decodeCursor(cursor: unknown, order: string): StoreCursor {
  const invalid = (message: string): ValidationError => new ValidationError(`The cursor is invalid: ${message}. Use the nextCursor of a previous answer to the same query.`, [{ pointer: '/cursor', message }]);
  if (typeof cursor !== 'string' || cursor.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid('not a cursor this API issued');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('not a cursor this API issued');
  }
  const c = parsed as { o?: unknown; s?: unknown; r?: unknown };
  if (!c || typeof c !== 'object' || typeof c.o !== 'string' || typeof c.s !== 'string' || typeof c.r !== 'string' || !/^(-?inf|-?[0-9.e+-]+)$/i.test(c.s) || !c.r.includes('/')) {
    throw invalid('not a cursor this API issued');
  }
  if (c.o !== order) throw invalid(`it belongs to the order "${c.o}", not "${order}"`);
  return { score: c.s, ref: c.r };
}
