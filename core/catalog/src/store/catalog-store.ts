import type { Entity, EntityEvent, KindDefinition } from '@portico/plugin-api';
import type { IndexEntry } from '../index/index-entry';
import type { PlanNode, StoreQuery, StoreQueryResult } from '../query/plan';

/** @public */
export interface StoredKind {
  kind: KindDefinition;
  /** Plugin id, or `api` for kinds created through the REST API. */
  source: string;
}

/**
 * One entity's change, applied atomically with its index changes and its event.
 * @public
 */
export interface EntityWrite {
  ref: string;
  /** The `meta.version` the writer read; 0 when it expects no entity. A mismatch rejects the write. */
  expectedVersion: number;
  /** The new document, or null to delete. */
  entity: Entity | null;
  add: IndexEntry[];
  remove: IndexEntry[];
  /** Null for writes that only re-index (a kind changed), which are not changes to report. */
  event: EntityEvent | null;
  /**
   * A restore from an export: the entity keeps its exported `meta.version`, so creating it need not
   * continue right after a deleted version (it must still be above it: a version never repeats).
   */
  restore?: boolean;
}

/** @public */
export type WriteOutcome = 'ok' | 'conflict';

/**
 * Messages on the bus: entity events, and notices that kinds changed (so other instances reload them).
 * @public
 */
export type BusMessage = { entity: EntityEvent } | { kindsChanged: true };

/** @public */
export interface DueTimer {
  /** `kind/id|property` */
  member: string;
  dueAt: number;
}

/**
 * Storage behind the catalog. The catalog decides what is written (documents, index
 * entries, events); a store makes each entity's write atomic and durable, and evaluates
 * index plans. Both implementations pass `catalog-store.conformance.ts`.
 * @public
 */
export interface CatalogStore {
  loadKinds(): Promise<StoredKind[]>;
  saveKind(stored: StoredKind): Promise<void>;
  deleteKind(id: string): Promise<void>;
  getMany(refs: string[]): Promise<Array<Entity | null>>;
  /** One entity as its stored JSON (text or UTF-8 bytes), when the store keeps JSON (saves a parse and a serialisation per read). */
  getRaw?(ref: string): Promise<string | Buffer | null>;
  /** Current versions (null for none): cheap existence checks. */
  versions(refs: string[]): Promise<Array<number | null>>;
  /**
   * The last version of each ref that was deleted and not re-created (null for none): a
   * re-created entity continues after it, so a stale `If-Match` can never match it.
   */
  deletedVersions(refs: string[]): Promise<Array<number | null>>;
  /** Members of index keys (for graph walks and dependents). */
  members(keys: string[]): Promise<string[][]>;
  /**
   * Writes in order; each is atomic on its own and rejected with `conflict` on a version mismatch,
   * or when it creates a deleted ref at any version other than the one after its `deletedVersions`.
   */
  write(writes: EntityWrite[]): Promise<WriteOutcome[]>;
  /** Evaluates an exact plan: total, a page by the sort order after the cursor, and facets. */
  query(query: StoreQuery): Promise<StoreQueryResult>;
  /** Every ref a plan yields, or only the count when there are more than `max`. */
  candidates(node: PlanNode, max: number): Promise<{ count: number; refs: string[] | null }>;
  /** Removes and returns up to `limit` timers due at or before `now`; each goes to one caller. */
  claimDueTimers(now: number, limit: number): Promise<DueTimer[]>;
  /** Delivers every message published after subscribing, including other processes' on a shared store. */
  subscribe(listener: (message: BusMessage) => void): () => void;
  /** The state of each connection to an external store (none for an embedded store), for `/readyz`. */
  health?(): Array<{ name: string; status: string }>;
  close(): Promise<void>;
}
