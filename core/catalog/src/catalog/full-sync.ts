import { ConflictError, NotFoundError, type DeleteOptions, type EntityInput, type EntityRef, type FullSyncOptions, type FullSyncReport, type LoggerService } from '@portico/plugin-api';
import { indexKeys } from '../index/index-keys';
import { fromRef, toRef } from '../model/ids';
import type { CatalogStore } from '../store/catalog-store';
import type { BulkItemResult } from './portico-catalog';

/** @public */
export const DEFAULT_MAX_DELETE_SHARE = 0.1;

/**
 * What a full sync needs of the catalog: ownership-aware bulk upserts and guarded deletes.
 * @public
 */
export interface FullSyncWriter {
  upsertMany(inputs: unknown[], options: { actor: string; source: string }): Promise<BulkItemResult[]>;
  delete(ref: EntityRef, options: DeleteOptions & { source?: string }): Promise<void>;
}

/** @public */
export interface FullSyncRequest extends FullSyncOptions {
  source: string;
  actor: string;
}

function refOf(input: unknown): string | null {
  const { kind, id } = (input ?? {}) as Partial<EntityInput>;
  return typeof kind === 'string' && typeof id === 'string' ? toRef(kind, id) : null;
}

/**
 * A source's complete current set against what it owns: upsert everything, delete what
 * disappeared. Deleting a large share at once is usually an upstream outage or a wrong
 * config, not a real change, so beyond `maxDeleteShare` the deletions wait for an override.
 * @public
 */
export class FullSync {
  constructor(
    private readonly writer: FullSyncWriter,
    private readonly store: Pick<CatalogStore, 'members'>,
    private readonly logger: LoggerService,
  ) {}

  async run(entities: EntityInput[], request: FullSyncRequest): Promise<FullSyncReport> {
    const { source, actor } = request;
    const maxDeleteShare = request.maxDeleteShare ?? DEFAULT_MAX_DELETE_SHARE;
    if (!(maxDeleteShare >= 0 && maxDeleteShare <= 1)) throw new RangeError(`maxDeleteShare must be between 0 and 1, not ${maxDeleteShare}.`);
    const inScope = (ref: string): boolean => !request.kinds || request.kinds.includes(fromRef(ref).kind);
    const [ownedBefore] = await this.store.members([indexKeys.source(source)]);
    const owned = ownedBefore.filter(inScope);

    const results = await this.writer.upsertMany(entities, { actor, source });
    const report: FullSyncReport = { source, created: 0, updated: 0, unchanged: 0, failed: [], deleted: [], notDeleted: [] };
    for (const result of results) {
      const ref = refOf(entities[result.index]);
      if (result.status === 'error') report.failed.push({ index: result.index, ...(ref ? { ref: fromRef(ref) } : {}), detail: result.error!.detail });
      else report[result.status] += 1;
    }

    // An entity that failed to write is still part of the set: it must not be deleted for it.
    const wanted = new Set(entities.map(refOf).filter((r): r is string => r !== null));
    const gone = owned.filter((ref) => !wanted.has(ref));
    if (!gone.length) return report;
    const share = gone.length / owned.length;
    if (share > maxDeleteShare && !request.allowLargeDelete) {
      report.heldBack = { refs: gone.map(fromRef), share, maxDeleteShare };
      this.logger.warn(`Full sync of ${source} held back deleting ${gone.length} of its ${owned.length} entities (${Math.round(share * 100)} %, more than the ${Math.round(maxDeleteShare * 100)} % allowed): check the source; if the deletions are real, run the sync with the override (allowLargeDelete)`, { source, examples: gone.slice(0, 20) });
      return report;
    }
    await deleteInRounds(this.writer, gone, report, { actor, sourceOf: () => source });
    this.logger.info(`Full sync of ${source}: ${report.created} created, ${report.updated} updated, ${report.deleted.length} deleted`, { source, unchanged: report.unchanged, failed: report.failed.length, notDeleted: report.notDeleted.length });
    return report;
  }
}

/**
 * Deletes in rounds: an entity another disappearing one requires goes once that one is gone.
 * What others outside the set still require stays, listed in `notDeleted`.
 */
export async function deleteInRounds(writer: Pick<FullSyncWriter, 'delete'>, refs: string[], report: Pick<FullSyncReport, 'deleted' | 'notDeleted'>, options: { actor: string; sourceOf: (ref: string) => string }): Promise<void> {
  let pending = refs;
  while (pending.length) {
    const blocked: Array<{ ref: string; detail: string }> = [];
    for (const ref of pending) {
      try {
        await writer.delete(fromRef(ref), { actor: options.actor, source: options.sourceOf(ref), cascade: false });
        report.deleted.push(fromRef(ref));
      } catch (error) {
        if (error instanceof NotFoundError) continue;
        if (!(error instanceof ConflictError)) throw error;
        blocked.push({ ref, detail: error.message });
      }
    }
    if (blocked.length === pending.length) {
      report.notDeleted.push(...blocked.map((b) => ({ ref: fromRef(b.ref), detail: b.detail })));
      return;
    }
    pending = blocked.map((b) => b.ref);
  }
}
