/**
 * Files of an export folder (docs/moving-data.md describes the format).
 * @alpha
 */
export const EXPORT_FILES = { manifest: 'manifest.json', kinds: 'kinds.jsonl', entities: 'entities.jsonl', checkpoint: 'import-checkpoint.json' } as const;

export const EXPORT_FORMAT = 'portico-catalog-export';
export const EXPORT_VERSION = 1;

/**
 * Counts and content hashes of one kind's entities (sha256 over their canonical JSON lines, in id order).
 * @alpha
 */
export interface KindDigestSummary {
  source: string;
  /** sha256 of the kind's canonical `{ kind, source }`. */
  definitionHash: string;
  entities: number;
  /** Relation targets over the kind's entities. */
  relations: number;
  hash: string;
}

/**
 * `manifest.json`, written last: an export without one is incomplete.
 * @alpha
 */
export interface ExportManifest {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  /** The store it was read from, as `describe` names it. */
  from: string;
  totals: { kinds: number; entities: number; relations: number };
  kinds: Record<string, KindDigestSummary>;
}
