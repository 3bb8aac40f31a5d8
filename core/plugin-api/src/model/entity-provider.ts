import type { EntityInput, EntityRef } from './entity';
import type { LoggerService } from '../services/logger-service';

/**
 * A batch of changes from a provider: upserts and deletes applied atomically per entity.
 * @public
 */
export interface EntityMutation {
  upsert?: EntityInput[];
  delete?: EntityRef[];
}

/** @public */
export interface FullSyncOptions {
  /** Only the provider's entities of these kinds are compared (and may be deleted); default: all of them. */
  kinds?: string[];
  /** The largest share (0 to 1) of the provider's entities one sync may delete; default 0.1. */
  maxDeleteShare?: number;
  /** The explicit override: delete even more than `maxDeleteShare`. */
  allowLargeDelete?: boolean;
}

/** @public */
export interface FullSyncReport {
  /** The owning source, `provider:<id>`. */
  source: string;
  created: number;
  updated: number;
  unchanged: number;
  /** Entities that could not be written (invalid, owned by another source...): they stay as they were. */
  failed: Array<{ index: number; ref?: EntityRef; detail: string }>;
  deleted: EntityRef[];
  /** Owned entities that disappeared but could not be deleted (others still require them). */
  notDeleted: Array<{ ref: EntityRef; detail: string }>;
  /** Set when the deletions were held back because they exceeded `maxDeleteShare`. */
  heldBack?: { refs: EntityRef[]; share: number; maxDeleteShare: number };
}

/** @public */
export interface EntityProviderContext {
  logger: LoggerService;
  signal: AbortSignal;
  /** Upserts and deletes; what this provider writes becomes owned by it. */
  apply(mutation: EntityMutation): Promise<void>;
  /**
   * Hands over the provider's complete current set: the catalog upserts it and deletes what
   * this provider owns that is no longer in it, unless that is more than `maxDeleteShare`.
   */
  applyFullSync(entities: EntityInput[], options?: FullSyncOptions): Promise<FullSyncReport>;
}

/**
 * Ingestion: brings entities from an outside system into the catalog, on a schedule and on demand.
 * @public
 */
export interface EntityProvider {
  id: string;
  /** How often to resync, in milliseconds; omitted means only on start and on demand. */
  everyMs?: number;
  refresh(ctx: EntityProviderContext): Promise<void>;
}
