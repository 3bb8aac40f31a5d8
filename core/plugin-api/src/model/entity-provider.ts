import type { EntityInput, EntityRef } from './entity';
import type { LoggerService } from '../services/logger-service';

/** A batch of changes from a provider: upserts and deletes applied atomically per entity. */
export interface EntityMutation {
  upsert?: EntityInput[];
  delete?: EntityRef[];
}

export interface EntityProviderContext {
  logger: LoggerService;
  signal: AbortSignal;
  apply(mutation: EntityMutation): Promise<void>;
}

/** Ingestion: brings entities from an outside system into the catalog, on a schedule and on demand. */
export interface EntityProvider {
  id: string;
  /** How often to resync, in milliseconds; omitted means only on start and on demand. */
  everyMs?: number;
  refresh(ctx: EntityProviderContext): Promise<void>;
}
