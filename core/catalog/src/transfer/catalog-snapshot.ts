import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationError, type Entity } from '@portico/plugin-api';
import { indexKeys } from '../index/index-keys';
import { toRef } from '../model/ids';
import type { CatalogStore, StoredKind } from '../store/catalog-store';
import { EXPORT_FILES, EXPORT_FORMAT, EXPORT_VERSION, type ExportManifest } from './export-manifest';
import { readJsonLines } from './json-lines';

const BATCH = 1000;

/**
 * A whole catalog as kinds and entities in one order (kinds by id, then entities by id): what export, import and verify read.
 * @alpha
 */
export interface CatalogSnapshot {
  /** Names the catalog in reports (`export ./backup`, `redis portico: at redis://…`). */
  readonly description: string;
  kinds(): Promise<StoredKind[]>;
  /** How many entities `entities()` yields. */
  count(): Promise<number>;
  entities(): AsyncIterable<Entity>;
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order of every snapshot: kind, then id. */
export function compareEntities(a: { kind: string; id: string }, b: { kind: string; id: string }): number {
  return compareIds(a.kind, b.kind) || compareIds(a.id, b.id);
}

/**
 * A store read kind by kind, each kind's refs from its membership index.
 * @alpha
 */
export function storeSnapshot(store: CatalogStore, description: string): CatalogSnapshot {
  const sortedKinds = async (): Promise<StoredKind[]> => (await store.loadKinds()).sort((a, b) => compareIds(a.kind.id, b.kind.id));
  return {
    description,
    kinds: sortedKinds,
    async count() {
      const kinds = await sortedKinds();
      return (await store.members(kinds.map((k) => indexKeys.kind(k.kind.id)))).reduce((sum, refs) => sum + refs.length, 0);
    },
    async *entities() {
      for (const stored of await sortedKinds()) {
        const [refs] = await store.members([indexKeys.kind(stored.kind.id)]);
        const prefix = toRef(stored.kind.id, '').length;
        const ids = refs.map((ref) => ref.slice(prefix)).sort(compareIds);
        for (let i = 0; i < ids.length; i += BATCH) {
          const batch = ids.slice(i, i + BATCH);
          for (const entity of await store.getMany(batch.map((id) => toRef(stored.kind.id, id)))) if (entity) yield entity;
        }
      }
    },
  };
}

function damaged(file: string, line: number, message: string): ValidationError {
  return new ValidationError(`The export is damaged: ${file} line ${line} ${message}. Export the catalog again ("portico catalog export").`, [{ pointer: `/${file}/${line}`, message }]);
}

export function readManifest(dir: string): ExportManifest {
  const path = join(dir, EXPORT_FILES.manifest);
  if (!existsSync(path)) {
    throw new ValidationError(`${dir} is not a complete catalog export: it has no ${EXPORT_FILES.manifest} (an export writes it last; an interrupted export has none). Export again with "portico catalog export -o ${dir}".`, [{ pointer: `/${EXPORT_FILES.manifest}`, message: 'is missing' }]);
  }
  let manifest: ExportManifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as ExportManifest;
  } catch (error) {
    throw damaged(EXPORT_FILES.manifest, 1, `is not JSON (${(error as Error).message})`);
  }
  if (manifest?.format !== EXPORT_FORMAT) throw new ValidationError(`${path} is not a Portico catalog export manifest (its "format" is not "${EXPORT_FORMAT}").`, [{ pointer: '/format', message: `must be "${EXPORT_FORMAT}"` }]);
  if (manifest.version !== EXPORT_VERSION) throw new ValidationError(`${path} is format version ${manifest.version}; this Portico reads version ${EXPORT_VERSION}: use the Portico that wrote it, or a newer one.`, [{ pointer: '/version', message: `must be ${EXPORT_VERSION}` }]);
  return manifest;
}

function isEntity(value: unknown): value is Entity {
  const e = value as Entity;
  return !!e && typeof e === 'object' && typeof e.kind === 'string' && typeof e.id === 'string' && !!e.meta && Number.isInteger(e.meta.version) && e.meta.version > 0 && typeof e.properties === 'object' && typeof e.relations === 'object';
}

export interface ExportPosition {
  offset: number;
  line: number;
}

/**
 * An export folder as a snapshot. Every line is checked as it is read (JSON, an entity of a
 * listed kind, in order), so a damaged export fails with its line instead of importing garbage.
 * @alpha
 */
export class ExportSnapshot implements CatalogSnapshot {
  readonly description: string;
  readonly manifest: ExportManifest;

  constructor(readonly dir: string) {
    this.description = `export ${dir}`;
    this.manifest = readManifest(dir);
    for (const file of [EXPORT_FILES.kinds, EXPORT_FILES.entities]) {
      if (!existsSync(join(dir, file))) throw new ValidationError(`The export in ${dir} is incomplete: ${file} is missing (its manifest is there). Copy the whole folder, or export again.`, [{ pointer: `/${file}`, message: 'is missing' }]);
    }
  }

  async kinds(): Promise<StoredKind[]> {
    const kinds: StoredKind[] = [];
    for await (const item of readJsonLines(join(this.dir, EXPORT_FILES.kinds))) {
      if ('error' in item) throw damaged(EXPORT_FILES.kinds, item.line, item.error);
      const stored = item.value as StoredKind;
      if (!stored?.kind || typeof stored.kind.id !== 'string' || typeof stored.source !== 'string') throw damaged(EXPORT_FILES.kinds, item.line, 'is not a kind ({"kind": {...}, "source": "..."})');
      kinds.push(stored);
    }
    return kinds;
  }

  async count(): Promise<number> {
    return this.manifest.totals.entities;
  }

  entities(): AsyncIterable<Entity> {
    return this.entitiesFrom();
  }

  /** Entities from a position (a resumed import), each with the position after it. */
  async *entitiesFrom(from?: ExportPosition): AsyncGenerator<Entity & { readonly [position]?: ExportPosition }> {
    const kinds = new Set(Object.keys(this.manifest.kinds));
    let previous: Entity | null = null;
    for await (const item of readJsonLines(join(this.dir, EXPORT_FILES.entities), from)) {
      if ('error' in item) throw damaged(EXPORT_FILES.entities, item.line, item.error);
      const entity = item.value;
      if (!isEntity(entity)) throw damaged(EXPORT_FILES.entities, item.line, 'is not an entity (kind, id, properties, relations and meta.version are required)');
      if (!kinds.has(entity.kind)) throw damaged(EXPORT_FILES.entities, item.line, `has kind "${entity.kind}", which the manifest does not list`);
      if (previous && compareEntities(previous, entity) >= 0) throw damaged(EXPORT_FILES.entities, item.line, `(${entity.kind}/${entity.id}) is out of order or repeated after ${previous.kind}/${previous.id}: entities are sorted by kind, then id`);
      previous = entity;
      Object.defineProperty(entity, position, { value: { offset: item.end, line: item.line }, enumerable: false });
      yield entity;
    }
  }
}

/** Where an entity read by `entitiesFrom` ends in the file (not enumerable: never serialised). */
export const position: unique symbol = Symbol('export position');
