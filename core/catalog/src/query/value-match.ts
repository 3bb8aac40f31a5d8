import { decodeValue } from '../index/index-keys';
import type { ValueMatch } from './plan';

/** Whether an encoded registry value satisfies a match; the Redis Lua script implements the same rules. */
export function valueMatches(encoded: string, match: ValueMatch): boolean {
  if (match.encodedPrefix !== undefined && !encoded.startsWith(match.encodedPrefix)) return false;
  const needsDecoded = match.suffix !== undefined || match.contains !== undefined || match.gt !== undefined || match.gte !== undefined || match.lt !== undefined || match.lte !== undefined;
  if (!needsDecoded) return true;
  const value = decodeValue(encoded);
  if (typeof value !== 'string') return false;
  if (match.suffix !== undefined && !value.endsWith(match.suffix)) return false;
  if (match.contains !== undefined && !value.includes(match.contains)) return false;
  if (match.gt !== undefined && !(value > match.gt)) return false;
  if (match.gte !== undefined && !(value >= match.gte)) return false;
  if (match.lt !== undefined && !(value < match.lt)) return false;
  if (match.lte !== undefined && !(value <= match.lte)) return false;
  return true;
}

/** Parses a Redis score bound (`5`, `(5`, `-inf`, `+inf`, `(+inf`). */
export function scoreBound(bound: string): { value: number; exclusive: boolean } {
  const exclusive = bound.startsWith('(');
  const text = exclusive ? bound.slice(1) : bound;
  const value = text === '-inf' ? -Infinity : text === '+inf' || text === 'inf' ? Infinity : Number(text);
  return { value, exclusive };
}

export function inScoreRange(score: number, min: string, max: string): boolean {
  const lo = scoreBound(min);
  const hi = scoreBound(max);
  if (lo.exclusive ? !(score > lo.value) : !(score >= lo.value)) return false;
  if (hi.exclusive ? !(score < hi.value) : !(score <= hi.value)) return false;
  return true;
}
