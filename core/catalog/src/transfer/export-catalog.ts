import { createWriteStream, mkdirSync, readdirSync, renameSync, writeFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { ValidationError } from '@portico/plugin-api';
import type { CatalogSnapshot } from './catalog-snapshot';
import { canonicalJson } from './canonical-json';
import { EXPORT_FILES, EXPORT_FORMAT, EXPORT_VERSION, type ExportManifest } from './export-manifest';
import { KindDigest } from './kind-digest';

/** @alpha */
export interface TransferProgress {
  (done: number, total: number): void;
}

async function writeLines(stream: WriteStream, lines: string[]): Promise<void> {
  if (!lines.length) return;
  if (!stream.write(lines.join('\n') + '\n')) await once(stream, 'drain');
}

async function finish(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

/**
 * Writes a catalog to a folder: `kinds.jsonl`, `entities.jsonl` (canonical JSON, kinds by id,
 * entities by id, relations inside each entity) and, last, `manifest.json` with counts and
 * hashes per kind. Refuses a folder that already holds an export.
 * @alpha
 */
export async function exportCatalog(snapshot: CatalogSnapshot, dir: string, options: { onProgress?: TransferProgress } = {}): Promise<ExportManifest> {
  mkdirSync(dir, { recursive: true });
  const taken = readdirSync(dir).filter((name) => (Object.values(EXPORT_FILES) as string[]).includes(name));
  if (taken.length) throw new ValidationError(`${dir} already holds an export (${taken.join(', ')}): choose another folder with -o, or remove it.`, [{ pointer: '/out', message: 'holds an export' }]);
  const kinds = await snapshot.kinds();
  const total = await snapshot.count();
  const digests = new Map(kinds.map((stored) => [stored.kind.id, new KindDigest(stored)]));

  const kindsOut = createWriteStream(join(dir, EXPORT_FILES.kinds));
  await writeLines(kindsOut, kinds.map((stored) => canonicalJson({ kind: stored.kind, source: stored.source })));
  await finish(kindsOut);

  const entitiesOut = createWriteStream(join(dir, EXPORT_FILES.entities));
  let done = 0;
  let lines: string[] = [];
  for await (const entity of snapshot.entities()) {
    const line = canonicalJson(entity);
    digests.get(entity.kind)?.add(entity, line);
    lines.push(line);
    done += 1;
    if (lines.length >= 1000) {
      await writeLines(entitiesOut, lines);
      lines = [];
      options.onProgress?.(done, total);
    }
  }
  await writeLines(entitiesOut, lines);
  await finish(entitiesOut);
  options.onProgress?.(done, Math.max(done, total));

  const summaries = Object.fromEntries([...digests].map(([id, digest]) => [id, digest.summary()]));
  const manifest: ExportManifest = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    from: snapshot.description,
    totals: { kinds: kinds.length, entities: done, relations: Object.values(summaries).reduce((sum, s) => sum + s.relations, 0) },
    kinds: summaries,
  };
  // Written aside and renamed: a manifest is there only once the export is complete.
  const tmp = join(dir, `${EXPORT_FILES.manifest}.tmp`);
  writeFileSync(tmp, JSON.stringify(manifest, null, 2) + '\n');
  renameSync(tmp, join(dir, EXPORT_FILES.manifest));
  return manifest;
}
