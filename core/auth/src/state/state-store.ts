/**
 * Where the portal keeps its own small state beside the catalog: sessions, API tokens,
 * role assignments, the audit log. Redis in production (shared by every instance), an
 * embedded journal under the data folder otherwise. Keys are plain strings such as
 * `session:<id>`; each implementation adds its own prefix.
 * @public
 */
export interface StateStore {
  get(key: string): Promise<string | null>;
  /** `ttlMs` makes the key expire (sessions); without it the key stays. */
  set(key: string, value: string, options?: { ttlMs?: number }): Promise<void>;
  /** Sets only when the key is absent; true when it did (one writer wins across instances). */
  setIfAbsent(key: string, value: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Keys that start with `prefix`, sorted. */
  keys(prefix: string): Promise<string[]>;
  /**
   * Appends to the log `log` a value built from the log's last entry, atomically across
   * instances (the audit chain needs the previous record's hash). Returns the new entry's
   * sequence number, which starts at 1 and never repeats.
   */
  appendChained(log: string, build: (previous: { seq: number; value: string } | null) => string): Promise<{ seq: number; value: string }>;
  /** The sequence number of the log's newest entry (kept when trimmed), 0 for an empty log. */
  lastSeq(log: string): Promise<number>;
  /** Entries with `seq` greater than `afterSeq`, oldest first, at most `limit`. */
  range(log: string, afterSeq: number, limit: number): Promise<Array<{ seq: number; value: string }>>;
  /** Replaces the entry `seq` (only tests that prove tampering is detected, and nothing else, use this). */
  overwrite(log: string, seq: number, value: string): Promise<void>;
  /** Drops entries with `seq` up to and including `uptoSeq` (retention). */
  trim(log: string, uptoSeq: number): Promise<void>;
  close(): Promise<void>;
}
