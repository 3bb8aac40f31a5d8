import type { CatalogService, EntityInput, EntityMutation, FullSyncReport, KindDefinition, LoggerService } from '@portico/plugin-api';
import type { FullSyncRequest } from './full-sync';
import type { CatalogCodeRequest, CatalogPlan } from '../code/catalog-code-plan';
import type { ApiRoute } from '@portico/http';

/** @public */
export interface CatalogOptions {
  /** When set: the Redis store; otherwise the embedded store. */
  redisUrl?: string;
  /** Redis key prefix, default `portico:`; keys are `<prefix>{catalog}:…` (one hash tag, one cluster slot). */
  keyPrefix?: string;
  /** Embedded store: folder of the append-only log (created if missing); default `.portico-data` under cwd. */
  dataDir?: string;
  logger: LoggerService;
}

/** @public */
export interface DueTimerClaim {
  kind: string;
  id: string;
  property: string;
  dueAt: number;
}

/** @public */
export interface Catalog extends CatalogService {
  /** A kind contributed by a plugin (source = plugin id) or the API (source = 'api'). */
  registerKind(kind: KindDefinition, source: string): Promise<void>;
  /** Ingestion from entity providers: upserts/deletes, atomic per entity; with `source`, owned by it. */
  applyMutation(mutation: EntityMutation, actor: string, options?: { source?: string }): Promise<void>;
  /** A source's complete set: upserts it and deletes what the source owns that is gone (see FullSync). */
  applyFullSync(entities: EntityInput[], request: FullSyncRequest): Promise<FullSyncReport>;
  /** Catalog as code: plans (dryRun) or makes the catalog match a folder of catalog files (see applyCatalogCode). */
  applyCatalogCode(request: CatalogCodeRequest, options: { actor: string; dryRun: boolean }): Promise<CatalogPlan>;
  /** Atomically claims due timers; each due timer goes to exactly one caller. */
  claimDueTimers(now: number, limit: number): Promise<DueTimerClaim[]>;
  /** API routes relative to /api/v1. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  routes(): ApiRoute<any>[];
  /** The state of each Redis connection the catalog uses (none on the embedded store), for `/readyz`. */
  health(): Array<{ name: string; status: string }>;
  close(): Promise<void>;
}
