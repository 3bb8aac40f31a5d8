/** Longest token prefix kept in the index; longer query words are narrowed by it, then checked exactly. */
export const MAX_TOKEN_PREFIX = 12;
const MAX_WORDS = 64;

/** Lowercase words of letters and digits, at most 64 per text. */
export function words(text: string): string[] {
  const found = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return found.slice(0, MAX_WORDS);
}

/** Index tokens of a text: every word's prefixes from 2 characters up to MAX_TOKEN_PREFIX (and one-letter words). */
export function indexTokens(texts: string[], into: Set<string>): void {
  for (const text of texts) {
    for (const word of words(text)) {
      if (word.length === 1) into.add(word);
      const end = Math.min(word.length, MAX_TOKEN_PREFIX);
      for (let i = 2; i <= end; i++) into.add(word.slice(0, i));
    }
  }
}
