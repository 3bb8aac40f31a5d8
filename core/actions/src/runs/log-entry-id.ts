const MAX_PART = 18446744073709551615n;

/**
 * Whether `text` is a run log entry id: a Redis Stream id `<ms>-<seq>`, each part at most
 * 2^64-1 (Redis refuses larger ones, and the refusal must be the caller's 400, not a 500).
 */
export function isLogEntryId(text: string): boolean {
  const m = /^([0-9]{1,20})-([0-9]{1,20})$/.exec(text);
  return m !== null && BigInt(m[1]) <= MAX_PART && BigInt(m[2]) <= MAX_PART;
}
