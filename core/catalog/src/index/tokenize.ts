/** Longest prefix indexed for id and title words; longer query words are narrowed by it, then checked exactly. */
export const MAX_TOKEN_PREFIX = 10;
/** Shortest prefix indexed: shorter query words match whole words only. */
export const MIN_TOKEN_PREFIX = 3;
/** Whole words are indexed up to this length. */
export const MAX_WORD_TOKEN = 24;
const MAX_WORDS = 64;

/** Lowercase words of letters and digits, at most 64 per text. */
export function words(text: string): string[] {
  const found = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return found.slice(0, MAX_WORDS);
}

/**
 * Search tokens. Names (id and title) are indexed by word prefixes, for type-ahead;
 * other text (description, string properties) by whole words, which keeps the index
 * (and ingest cost) proportional to the text rather than to its prefixes.
 */
export function indexTokens(names: string[], texts: string[], into: Set<string>): void {
  for (const name of names) {
    for (const word of words(name)) {
      into.add(word.slice(0, MAX_WORD_TOKEN));
      const end = Math.min(word.length, MAX_TOKEN_PREFIX);
      for (let i = MIN_TOKEN_PREFIX; i <= end; i++) into.add(word.slice(0, i));
    }
  }
  for (const text of texts) for (const word of words(text)) into.add(word.slice(0, MAX_WORD_TOKEN));
}

/** Whether one query word matches an entity's words (the exact rule the index approximates for long words). */
export function searchWordMatches(queryWord: string, nameWords: string[], textWords: string[]): boolean {
  if (nameWords.includes(queryWord) || textWords.includes(queryWord)) return true;
  return queryWord.length >= MIN_TOKEN_PREFIX && nameWords.some((w) => w.startsWith(queryWord));
}
