import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConflictError, ValidationError, type Entity, type KindDefinition } from '@portico/plugin-api';
import { diffEntries } from '../index/index-entry';
import { PorticoCatalog } from '../catalog/portico-catalog';
import { toRef } from '../model/ids';
import type { CatalogStore, EntityWrite } from '../store/catalog-store';
import { ExportSnapshot, position, type ExportPosition } from './catalog-snapshot';
import { canonicalJson } from './canonical-json';
import { EXPORT_FILES } from './export-manifest';
import type { TransferProgress } from './export-catalog';
import { KindDigest } from './kind-digest';

const BATCH = 2000;
const MAX_ATTEMPTS = 5;

/** Progress of an import, kept beside the export after every acknowledged batch. */
interface Checkpoint {
  /** sha256 of the manifest: a checkpoint only resumes the export it was made for. */
  manifest: string;
  /** The store written to: a checkpoint for another store is ignored. */
  target: string;
  at: ExportPosition;
  done: number;
}

/** @alpha */
export interface ImportExportReport {
  kinds: { written: number; unchanged: number };
  created: number;
  updated: number;
  unchanged: number;
  /** Entities skipped because a checkpoint of an earlier, interrupted run covered them. */
  resumed: number;
  /**
   * Refs written at another version than the export's: the target had deleted them at or after
   * that version, and a version is never reused for a ref. Verify lists them as changed at /meta/version.
   */
  renumbered: string[];
}

/** @alpha */
export interface ImportExportOptions {
  /** Names the target store in the checkpoint (same words as its snapshot's description). */
  target: string;
  /** Progress of the check of the export against its manifest, then of the writes. */
  onCheck?: TransferProgress;
  onProgress?: TransferProgress;
  batchSize?: number;
}

/**
 * Reads the whole export once and compares it with its manifest's counts and hashes.
 * @alpha
 */
export async function checkExport(snapshot: ExportSnapshot, onProgress?: TransferProgress): Promise<void> {
  const kinds = await snapshot.kinds();
  const listed = Object.keys(snapshot.manifest.kinds).sort();
  const found = kinds.map((k) => k.kind.id).sort();
  if (listed.join(',') !== found.join(',')) throw new ValidationError(`The export is damaged: ${EXPORT_FILES.kinds} has kinds ${found.join(', ') || 'none'}, but the manifest lists ${listed.join(', ') || 'none'}. Export the catalog again.`, [{ pointer: `/${EXPORT_FILES.kinds}`, message: 'differs from the manifest' }]);
  const digests = new Map(kinds.map((stored) => [stored.kind.id, new KindDigest(stored)]));
  const total = snapshot.manifest.totals.entities;
  let done = 0;
  for await (const entity of snapshot.entities()) {
    digests.get(entity.kind)!.add(entity);
    if (++done % 5000 === 0) onProgress?.(done, total);
  }
  onProgress?.(done, total);
  const wrong: string[] = [];
  for (const [id, digest] of digests) {
    const actual = digest.summary();
    const expected = snapshot.manifest.kinds[id];
    for (const field of ['definitionHash', 'entities', 'relations', 'hash'] as const) {
      if (actual[field] !== expected[field]) wrong.push(`${id} ${field} is ${actual[field]}, the manifest says ${expected[field]}`);
    }
  }
  if (wrong.length) throw new ValidationError(`The export does not match its manifest (it was changed or damaged after it was written): ${wrong.join('; ')}. Export the catalog again.`, wrong.map((message) => ({ pointer: `/${EXPORT_FILES.manifest}`, message })));
}

function readCheckpoint(path: string, manifest: string, target: string): Checkpoint | null {
  if (!existsSync(path)) return null;
  try {
    const checkpoint = JSON.parse(readFileSync(path, 'utf8')) as Checkpoint;
    return checkpoint.manifest === manifest && checkpoint.target === target ? checkpoint : null;
  } catch {
    return null;
  }
}

function saveCheckpoint(path: string, checkpoint: Checkpoint): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, JSON.stringify(checkpoint));
  renameSync(tmp, path);
}

/**
 * Imports an export into a store so that it ends equal to the export: kinds, then entities as
 * they were (versions and meta kept, as restore writes with their index entries). Idempotent:
 * an entity already equal is left alone. Resumable: after every acknowledged batch the position
 * is saved in `import-checkpoint.json` beside the export, and a rerun for the same store
 * continues there (without the checkpoint it would still end equal, only slower).
 * Entities the store has and the export lacks are kept (verify lists them as extra).
 * @alpha
 */
export async function importExport(store: CatalogStore, dir: string, options: ImportExportOptions): Promise<ImportExportReport> {
  const snapshot = new ExportSnapshot(dir);
  await checkExport(snapshot, options.onCheck);
  const report: ImportExportReport = { kinds: { written: 0, unchanged: 0 }, created: 0, updated: 0, unchanged: 0, resumed: 0, renumbered: [] };

  const kinds = await snapshot.kinds();
  const current = new Map((await store.loadKinds()).map((stored) => [stored.kind.id, canonicalJson(stored)]));
  for (const stored of kinds) {
    if (current.get(stored.kind.id) === canonicalJson(stored)) report.kinds.unchanged += 1;
    else {
      await store.saveKind(stored);
      report.kinds.written += 1;
    }
  }
  const definitions = new Map<string, KindDefinition>(kinds.map((stored) => [stored.kind.id, stored.kind]));

  const checkpointPath = join(dir, EXPORT_FILES.checkpoint);
  const manifestHash = createHash('sha256').update(readFileSync(join(dir, EXPORT_FILES.manifest))).digest('hex');
  const checkpoint = readCheckpoint(checkpointPath, manifestHash, options.target);
  const total = snapshot.manifest.totals.entities;
  let done = checkpoint?.done ?? 0;
  report.resumed = done;
  options.onProgress?.(done, total);

  const writeBatch = async (batch: Entity[]): Promise<void> => {
    let pending = batch;
    for (let attempt = 1; pending.length; attempt++) {
      if (attempt > MAX_ATTEMPTS) throw new ConflictError(`${pending.length} entities (first ${pending[0].kind}/${pending[0].id}) kept changing in the target store while they were imported: stop what writes to it, then run the import again (it resumes).`);
      const befores = await store.getMany(pending.map((e) => toRef(e.kind, e.id)));
      const absent = pending.filter((_, i) => befores[i] === null);
      const buried = new Map<Entity, number>();
      if (absent.length) (await store.deletedVersions(absent.map((e) => toRef(e.kind, e.id)))).forEach((v, i) => v !== null && buried.set(absent[i], v));
      const writes: EntityWrite[] = [];
      const writing: Entity[] = [];
      pending.forEach((exported, i) => {
        const before = befores[i];
        let entity = exported;
        // A version the target already used for a deleted entity is never reused (a stale If-Match must not match): the next one is taken.
        const last = buried.get(exported) ?? 0;
        if (!before && exported.meta.version <= last) {
          entity = { ...exported, meta: { ...exported.meta, version: last + 1 } };
          report.renumbered.push(toRef(entity.kind, entity.id));
        }
        if (before && canonicalJson(before) === canonicalJson(entity)) {
          report.unchanged += 1;
          return;
        }
        const after = PorticoCatalog.indexer(entity, definitions.get(entity.kind));
        const { add, remove } = before ? diffEntries(PorticoCatalog.indexer(before, definitions.get(before.kind)), after) : { add: after, remove: [] };
        writes.push({ ref: toRef(entity.kind, entity.id), expectedVersion: before?.meta.version ?? 0, entity, add, remove, event: null, restore: true });
        writing.push(exported);
      });
      const outcomes = await store.write(writes);
      const retry: Entity[] = [];
      outcomes.forEach((outcome, i) => {
        if (outcome === 'ok') report[writes[i].expectedVersion === 0 ? 'created' : 'updated'] += 1;
        else retry.push(writing[i]);
      });
      pending = retry;
    }
  };

  let batch: Entity[] = [];
  let at: ExportPosition | undefined = checkpoint?.at;
  const flush = async (): Promise<void> => {
    if (!batch.length) return;
    await writeBatch(batch);
    done += batch.length;
    saveCheckpoint(checkpointPath, { manifest: manifestHash, target: options.target, at: at!, done });
    options.onProgress?.(done, total);
    batch = [];
  };
  for await (const entity of snapshot.entitiesFrom(checkpoint?.at)) {
    batch.push(entity);
    at = entity[position];
    if (batch.length >= (options.batchSize ?? BATCH)) await flush();
  }
  await flush();
  rmSync(checkpointPath, { force: true });
  return report;
}
