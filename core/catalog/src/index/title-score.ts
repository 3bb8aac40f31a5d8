/** Characters of a title that order exactly; longer titles that share them tie (then sort by id). */
export const TITLE_SORT_CHARS = 10;
const BASE = 39;

/** 0 ends the title; 1 any other character; 2-11 digits; 12-37 letters; 38 letters outside a-z. */
function rank(char: string): number {
  if (char >= '0' && char <= '9') return 2 + char.charCodeAt(0) - 48;
  if (char >= 'a' && char <= 'z') return 12 + char.charCodeAt(0) - 97;
  return /\p{L}/u.test(char) ? 38 : 1;
}

/**
 * A number that orders titles as their first 10 characters would: case and accents ignored,
 * separators before digits before letters, a shorter prefix first. 39^10 < 2^53, so every
 * score is an exact integer a sorted-set index can hold on both stores.
 */
export function titleScore(title: string): number {
  const folded = [...title.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()].slice(0, TITLE_SORT_CHARS);
  let score = 0;
  for (let i = 0; i < TITLE_SORT_CHARS; i++) score = score * BASE + (i < folded.length ? rank(folded[i]) : 0);
  return score;
}
