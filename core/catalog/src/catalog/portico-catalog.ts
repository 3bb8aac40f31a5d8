import {
  ConflictError,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
  findForbiddenKey,
  isPorticoError,
  type DeleteOptions,
  type Entity,
  type EntityEvent,
  type EntityInput,
  type EntityMutation,
  type EntityQuery,
  type EntityRef,
  type FieldProblem,
  type FullSyncReport,
  type KindDefinition,
  type LoggerService,
  type QueryResult,
  type RelatedToRule,
  type WriteOptions,
} from '@portico/plugin-api';
import { SchemaValidator, type ApiRoute } from '@portico/http';
import { withComputed } from '../computed/compute-properties';
import { entityIndexEntries, searchTexts } from '../index/entity-index-entries';
import { diffEntries, type IndexEntry } from '../index/index-entry';
import { decodeValue, indexKeys, parseScore } from '../index/index-keys';
import { analyseKind, type KindInfo } from '../kinds/property-classes';
import { validateKind } from '../kinds/validate-kind';
import { ENTITY_ID_PATTERN, fromRef, toRef } from '../model/ids';
import { storedVersion } from '../model/stored-version';
import { compileQuery, relatedRules } from '../query/compile-query';
import { decodeCursor, encodeCursor } from '../query/cursor';
import { deepEqual, entityView, matchesPlan } from '../query/match-entity';
import type { CatalogStore, EntityWrite, StoredKind } from '../store/catalog-store';
import { applyCatalogCode } from '../code/apply-catalog-code';
import type { CatalogCodeRequest, CatalogPlan } from '../code/catalog-code-plan';
import { catalogCodeRoutes } from '../routes/catalog-code-routes';
import { catalogRoutes } from '../routes/catalog-routes';
import { spliceItems } from './splice-items';
import { FullSync, type FullSyncRequest } from './full-sync';
import type { Catalog, DueTimerClaim } from './catalog';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;
/** A query whose rules need a post-filter may narrow to at most this many candidates. */
export const MAX_POST_FILTER_CANDIDATES = 10_000;
const MAX_RETRIES = 8;
const TEXT_LIMITS = { title: 500, description: 20_000 };
const CUSTOM_FORMATS = {
  url: /^https?:\/\/[^\s]+$/i,
  markdown: () => true,
  timer: (v: string) => Number.isFinite(Date.parse(v)),
  user: /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}$/,
  team: ENTITY_ID_PATTERN,
};

/** @public */
export interface BulkItemResult {
  index: number;
  kind?: string;
  id?: string;
  status: 'created' | 'updated' | 'unchanged' | 'error';
  version?: number;
  error?: { status: number; type: string; detail: string; errors?: FieldProblem[] };
}

/** @public */
export interface KindChangeReport {
  kind: string;
  entities: number;
  /** Entities that would no longer be valid, with what breaks (at most 100 listed). */
  breaking: Array<{ id: string; errors: FieldProblem[] }>;
  breakingCount: number;
  applied: boolean;
}

interface Prepared {
  index: number;
  pointer: string;
  ref: string;
  kind: string;
  id: string;
  title: string;
  description?: string;
  owner?: string;
  properties: Record<string, unknown>;
  relations: Record<string, string | string[]>;
  ifVersion?: number;
  createOnly?: boolean;
}

interface UpsertOptions {
  actor: string;
  createOnly?: boolean;
  /** The writing source (`provider:<id>`): it takes ownership, and cannot overwrite another source's entities. */
  source?: string;
  /** A source per input (by index), for one batch from several sources (the files of a catalog folder); wins over `source`. */
  sourceOf?: (index: number) => string | undefined;
  /** Owners whose entities the writing source may take over (an entity moved between files of one catalog folder). */
  adopt?: (owner: string) => boolean;
  /** Refuse targets that do not exist (true for API writes; providers may ingest in any order within a batch). */
}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function problem(error: unknown): BulkItemResult['error'] {
  if (isPorticoError(error)) return { status: error.status, type: error.type, detail: error.message, ...(error.errors ? { errors: error.errors } : {}) };
  return { status: 500, type: 'urn:portico:problem:internal', detail: 'An unexpected error occurred while writing this entity.' };
}

function targetsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? (value as string[]) : [];
}

/**
 * The catalog: kinds, validation, relations, queries and events over a CatalogStore.
 * @public
 */
export class PorticoCatalog implements Catalog {
  private kinds = new Map<string, KindInfo>();
  private sources = new Map<string, string>();
  private readonly validator = new SchemaValidator({ formats: CUSTOM_FORMATS });
  private readonly listeners = new Set<(event: EntityEvent) => void | Promise<void>>();
  private readonly unsubscribe: () => void;

  private constructor(
    readonly store: CatalogStore,
    private readonly logger: LoggerService,
  ) {
    this.unsubscribe = store.subscribe((message) => {
      if ('kindsChanged' in message) {
        void this.reloadKinds().catch((error) => this.logger.warn('Reloading kinds failed', { error: (error as Error).message }));
        return;
      }
      for (const listener of this.listeners) {
        try {
          void Promise.resolve(listener(message.entity)).catch((error) => this.logger.error('A catalog event listener failed', { error: (error as Error).message }));
        } catch (error) {
          this.logger.error('A catalog event listener failed', { error: (error as Error).message });
        }
      }
    });
  }

  static async create(store: CatalogStore, logger: LoggerService): Promise<PorticoCatalog> {
    const catalog = new PorticoCatalog(store, logger);
    await catalog.reloadKinds();
    return catalog;
  }

  private async reloadKinds(): Promise<void> {
    const stored = await this.store.loadKinds();
    this.kinds = new Map(stored.map((s) => [s.kind.id, analyseKind(s.kind)]));
    this.sources = new Map(stored.map((s) => [s.kind.id, s.source]));
  }

  /** Index entries of an entity (the embedded store rebuilds its indexes with this). */
  static indexer(entity: Entity, kind: KindDefinition | undefined): IndexEntry[] {
    return entityIndexEntries(entity, analyseKind(kind ?? { id: entity.kind, title: entity.kind, schema: { type: 'object' } }));
  }

  private entries(entity: Entity): IndexEntry[] {
    return entityIndexEntries(entity, this.kinds.get(entity.kind) ?? analyseKind({ id: entity.kind, title: entity.kind, schema: { type: 'object' } }));
  }

  private requireKind(id: string, pointer?: string, kinds: Map<string, KindInfo> = this.kinds): KindInfo {
    const info = kinds.get(id);
    if (info) return info;
    if (pointer !== undefined) throw new ValidationError(`${pointer} names kind "${id}", which does not exist; list kinds at /api/v1/kinds.`, [{ pointer, message: `unknown kind "${id}"` }]);
    throw new NotFoundError(`Kind "${id}" does not exist; list kinds at /api/v1/kinds.`);
  }

  // ---- kinds ----

  async listKinds(): Promise<KindDefinition[]> {
    return [...this.kinds.values()].map((info) => info.kind).sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async getKind(id: string): Promise<KindDefinition | null> {
    return this.kinds.get(id)?.kind ?? null;
  }

  kindSource(id: string): string | undefined {
    return this.sources.get(id);
  }

  async registerKind(kind: KindDefinition, source: string): Promise<void> {
    validateKind(kind, this.validator);
    const existingSource = this.sources.get(kind.id);
    if (existingSource !== undefined && existingSource !== source) {
      throw new ConflictError(`Kind "${kind.id}" is already defined by ${existingSource === 'api' ? 'the API' : `plugin "${existingSource}"`}; ${source === 'api' ? 'the API' : `plugin "${source}"`} cannot define it too.`, { kind: kind.id, sources: [existingSource, source] });
    }
    const existing = this.kinds.get(kind.id)?.kind;
    if (existing && deepEqual(existing, kind)) return;
    if (existing) {
      const report = await this.analyseKindChange(kind);
      if (report.breakingCount > 0) this.logger.warn(`Kind "${kind.id}" changed; ${report.breakingCount} existing entities no longer match it`, { kind: kind.id, breaking: report.breaking.slice(0, 10) });
    }
    await this.saveKind({ kind, source });
  }

  /** Creates a kind through the API. */
  async createKind(kind: unknown): Promise<KindDefinition> {
    validateKind(kind, this.validator);
    if (this.kinds.has(kind.id)) {
      const source = this.sources.get(kind.id);
      throw new ConflictError(`Kind "${kind.id}" already exists (defined by ${source === 'api' ? 'the API' : `plugin "${source}"`}); change it with PUT /api/v1/kinds/${kind.id}.`, { kind: kind.id });
    }
    this.checkRelationTargets(kind);
    await this.saveKind({ kind, source: 'api' });
    return kind;
  }

  private checkRelationTargets(kind: KindDefinition): void {
    for (const [name, rel] of Object.entries(kind.relations ?? {})) {
      if (rel.target !== kind.id && !this.kinds.has(rel.target)) {
        throw new ValidationError(`Relation "${name}" targets kind "${rel.target}", which does not exist.`, [{ pointer: `/relations/${name}/target`, message: `unknown kind "${rel.target}"` }]);
      }
    }
    if (kind.ownerKind && kind.ownerKind !== kind.id && !this.kinds.has(kind.ownerKind)) {
      throw new ValidationError(`ownerKind "${kind.ownerKind}" does not exist.`, [{ pointer: '/ownerKind', message: `unknown kind "${kind.ownerKind}"` }]);
    }
  }

  /** Changes a kind through the API: reports what would break; refuses a breaking change unless forced. */
  async updateKind(id: string, kind: unknown, options: { dryRun?: boolean; force?: boolean } = {}): Promise<KindChangeReport> {
    this.requireKind(id);
    if (isObject(kind) && kind.id === undefined) kind.id = id;
    validateKind(kind, this.validator);
    if (kind.id !== id) throw new ValidationError(`The kind's id "${kind.id}" differs from "${id}" in the path.`, [{ pointer: '/id', message: `must be "${id}"` }]);
    const source = this.sources.get(id);
    if (source !== 'api') throw new ConflictError(`Kind "${id}" is defined by plugin "${source}"; change it in the plugin, not through the API.`, { kind: id, source });
    this.checkRelationTargets(kind);
    const report = await this.analyseKindChange(kind);
    if (options.dryRun) return report;
    if (report.breakingCount > 0 && !options.force) {
      throw new ConflictError(`Changing kind "${id}" would make ${report.breakingCount} existing entities invalid; fix them first, or send ?force=true to change it anyway (see "breaking"; ?dryRun=true shows this report without changing anything).`, { kind: id, breaking: report.breaking, breakingCount: report.breakingCount }, 'kind-change-breaks-entities');
    }
    await this.saveKind({ kind, source: 'api' });
    return { ...report, applied: true };
  }

  async deleteKind(id: string): Promise<void> {
    this.requireKind(id);
    const source = this.sources.get(id);
    if (source !== 'api') throw new ConflictError(`Kind "${id}" is defined by plugin "${source}"; it cannot be deleted through the API.`, { kind: id, source });
    const referrers = [...this.kinds.values()].filter((k) => k.kind.id !== id && (Object.values(k.kind.relations ?? {}).some((r) => r.target === id) || k.kind.ownerKind === id)).map((k) => k.kind.id);
    if (referrers.length) throw new ConflictError(`Kind "${id}" is referenced by the relations of kinds ${referrers.join(', ')}; change those first.`, { kinds: referrers });
    const [members] = await this.store.members([indexKeys.kind(id)]);
    if (members.length) throw new ConflictError(`Kind "${id}" still has ${members.length} entities; delete them first.`, { entities: members.length });
    await this.store.deleteKind(id);
    this.kinds.delete(id);
    this.sources.delete(id);
  }

  private async saveKind(stored: StoredKind): Promise<void> {
    const previous = this.kinds.get(stored.kind.id);
    await this.store.saveKind(stored);
    const info = analyseKind(stored.kind);
    this.kinds.set(stored.kind.id, info);
    this.sources.set(stored.kind.id, stored.source);
    if (previous) await this.reindex(previous, info);
  }

  private async reindex(previous: KindInfo, next: KindInfo): Promise<void> {
    const [refs] = await this.store.members([indexKeys.kind(next.kind.id)]);
    for (let i = 0; i < refs.length; i += 500) {
      const entities = await this.store.getMany(refs.slice(i, i + 500));
      const writes: EntityWrite[] = [];
      for (const entity of entities) {
        if (!entity) continue;
        const { add, remove } = diffEntries(entityIndexEntries(entity, previous), entityIndexEntries(entity, next));
        if (add.length || remove.length) writes.push({ ref: toRef(entity.kind, entity.id), expectedVersion: entity.meta.version, entity, add, remove, event: null });
      }
      await this.store.write(writes);
    }
  }

  private async analyseKindChange(kind: KindDefinition): Promise<KindChangeReport> {
    const [refs] = await this.store.members([indexKeys.kind(kind.id)]);
    const breaking: KindChangeReport['breaking'] = [];
    let breakingCount = 0;
    const validate = this.validator.compile(kind.schema);
    for (let i = 0; i < refs.length; i += 1000) {
      for (const entity of await this.store.getMany(refs.slice(i, i + 1000))) {
        if (!entity) continue;
        const errors: FieldProblem[] = [];
        if (!validate(structuredClone(entity.properties))) {
          for (const e of validate.errors ?? []) {
            const extra = e.keyword === 'required' ? `/${(e.params as { missingProperty: string }).missingProperty}` : e.keyword === 'additionalProperties' ? `/${(e.params as { additionalProperty: string }).additionalProperty}` : '';
            errors.push({ pointer: `/properties${e.instancePath}${extra}`, message: e.keyword === 'required' ? 'is required' : (e.message ?? 'is invalid') });
          }
        }
        for (const name of Object.keys(entity.relations)) {
          if (!Object.hasOwn(kind.relations ?? {}, name)) errors.push({ pointer: `/relations/${name}`, message: 'is no longer a relation of this kind' });
        }
        for (const [name, rel] of Object.entries(kind.relations ?? {})) {
          const value = entity.relations[name];
          if (rel.required && targetsOf(value).length === 0) errors.push({ pointer: `/relations/${name}`, message: 'is required' });
          if (!rel.many && Array.isArray(value)) errors.push({ pointer: `/relations/${name}`, message: 'holds several targets but the relation is no longer "many"' });
        }
        if (errors.length) {
          breakingCount++;
          if (breaking.length < 100) breaking.push({ id: entity.id, errors });
        }
      }
    }
    return { kind: kind.id, entities: refs.length, breaking, breakingCount, applied: false };
  }

  // ---- reads ----

  private computeContext(): Parameters<typeof withComputed>[1] {
    return { kinds: this.kinds, getMany: (refs) => this.store.getMany(refs), members: (keys) => this.store.members(keys) };
  }

  async get(ref: EntityRef): Promise<Entity | null> {
    if (!ref || typeof ref.kind !== 'string' || typeof ref.id !== 'string') return null;
    const [entity] = await this.store.getMany([toRef(ref.kind, ref.id)]);
    if (!entity) return null;
    const [computed] = await withComputed([entity], this.computeContext());
    return computed;
  }

  /** Whether entities of a kind are served exactly as stored (no computed properties to add). */
  private servedAsStored(kind: string): boolean {
    const def = this.kinds.get(kind)?.kind;
    return !!def && !def.mirror && !def.calculation && !def.aggregation;
  }

  /**
   * An entity as JSON (text or UTF-8 bytes) with its version, for the HTTP layer: when the kind
   * has no computed properties the stored JSON is sent as is, without parsing and re-serialising.
   */
  async getJson(ref: EntityRef): Promise<{ json: string | Buffer; version: number } | null> {
    if (this.store.getRaw && this.servedAsStored(ref.kind)) {
      const raw = await this.store.getRaw(toRef(ref.kind, ref.id));
      return raw === null ? null : { json: raw, version: storedVersion(raw) };
    }
    const entity = await this.get(ref);
    return entity ? { json: JSON.stringify(entity), version: entity.meta.version } : null;
  }

  /**
   * A query answer as JSON (text or UTF-8 bytes); stored documents are spliced in as they are
   * when nothing is computed on read.
   */
  async queryJson(query: EntityQuery): Promise<string | Buffer> {
    const plain =
      !!query && typeof query === 'object' && (typeof query.kind === 'string' ? this.servedAsStored(query.kind) : query.kind === undefined && [...this.kinds.keys()].every((k) => this.servedAsStored(k)));
    if (!plain) return JSON.stringify(await this.query(query));
    this.checkLimit(query);
    const related = await this.resolveRelated(relatedRules(query.filter && Array.isArray(query.filter.rules) ? query.filter : undefined));
    const compiled = compileQuery(query, this.kinds, related);
    if (!compiled.exact) return JSON.stringify(await this.query(query));
    const cursor = query.cursor === undefined || query.cursor === null ? null : decodeCursor(query.cursor, compiled.sort.label);
    const result = await this.store.query({ node: compiled.node, sort: compiled.sort, cursor, limit: query.limit ?? DEFAULT_LIMIT, facets: compiled.facets });
    const last = result.page[result.page.length - 1];
    const nextCursor = result.hasMore && last ? encodeCursor(compiled.sort.label, last) : null;
    const tail = `],"total":${result.total},"nextCursor":${JSON.stringify(nextCursor)}${compiled.facets.length ? `,"facets":${JSON.stringify(this.decodeFacets(result.facets))}` : ''}}`;
    return spliceItems(result.docs, tail);
  }

  private checkLimit(query: EntityQuery): void {
    const limit = query.limit ?? DEFAULT_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new ValidationError(`The query is invalid: /limit must be an integer from 1 to ${MAX_LIMIT}.`, [{ pointer: '/limit', message: `must be an integer from 1 to ${MAX_LIMIT}` }]);
  }

  async query(query: EntityQuery): Promise<QueryResult<Entity>> {
    if (!query || typeof query !== 'object' || Array.isArray(query)) throw new ValidationError('The query must be an object.', [{ pointer: '/', message: 'must be an object' }]);
    this.checkLimit(query);
    const limit = query.limit ?? DEFAULT_LIMIT;
    const related = await this.resolveRelated(relatedRules(query.filter && Array.isArray(query.filter.rules) ? query.filter : undefined));
    const compiled = compileQuery(query, this.kinds, related);
    const cursor = query.cursor === undefined || query.cursor === null ? null : decodeCursor(query.cursor, compiled.sort.label);
    if (compiled.exact) {
      const result = await this.store.query({ node: compiled.node, sort: compiled.sort, cursor, limit, facets: compiled.facets });
      const docs = result.docs.filter((d): d is Entity | string | Buffer => d !== null).map((d) => (typeof d === 'string' || Buffer.isBuffer(d) ? (JSON.parse(d.toString()) as Entity) : d));
      const last = result.page[result.page.length - 1];
      return {
        items: await withComputed(docs, this.computeContext()),
        total: result.total,
        nextCursor: result.hasMore && last ? encodeCursor(compiled.sort.label, last) : null,
        ...(compiled.facets.length ? { facets: this.decodeFacets(result.facets) } : {}),
      };
    }
    return this.postFiltered(compiled, cursor, limit);
  }

  private decodeFacets(raw: Record<string, Record<string, number>>): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const [name, counts] of Object.entries(raw)) {
      out[name] = {};
      for (const [encoded, count] of Object.entries(counts)) out[name][String(decodeValue(encoded))] = (out[name][String(decodeValue(encoded))] ?? 0) + count;
    }
    return out;
  }

  /** Rules no index answers: narrow with the indexes, then evaluate every candidate here (bounded). */
  private async postFiltered(compiled: ReturnType<typeof compileQuery>, cursor: { score: string; ref: string } | null, limit: number): Promise<QueryResult<Entity>> {
    const { count, refs } = await this.store.candidates(compiled.node, MAX_POST_FILTER_CANDIDATES);
    if (!refs) {
      throw new ValidationError(
        `The query needs a post-filter over ${count} candidates (more than ${MAX_POST_FILTER_CANDIDATES}): operators on title, description, nested or markdown properties and "=" on arrays are not indexed; add an indexed condition (kind, =, in, ranges, search) to narrow it.`,
        [{ pointer: '/filter', message: `matches too many candidates (${count}) for a post-filter` }],
      );
    }
    const matches: Array<{ ref: string; score: number; entity: Entity; entries: IndexEntry[] }> = [];
    for (let i = 0; i < refs.length; i += 1000) {
      const batch = refs.slice(i, i + 1000);
      const entities = await this.store.getMany(batch);
      entities.forEach((entity, j) => {
        if (!entity) return;
        const entries = this.entries(entity);
        const info = this.kinds.get(entity.kind);
        const view = entityView(batch[j], entity, entries, info ? searchTexts(entity, info) : []);
        if (!matchesPlan(compiled.node, view)) return;
        const score = compiled.sort.key === null ? 0 : view.keys.get(compiled.sort.key);
        if (score === undefined) return;
        matches.push({ ref: batch[j], score, entity, entries });
      });
    }
    const sign = compiled.sort.desc ? -1 : 1;
    const cmp = (a: { ref: string; score: number }, b: { ref: string; score: number }): number => sign * (a.score === b.score ? (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0) : a.score < b.score ? -1 : 1);
    matches.sort(cmp);
    let start = 0;
    if (cursor) {
      const c = { ref: cursor.ref, score: parseScore(cursor.score) };
      while (start < matches.length && cmp(matches[start], c) <= 0) start++;
    }
    const page = matches.slice(start, start + limit);
    const facets: Record<string, Record<string, number>> = {};
    for (const facet of compiled.facets) {
      const counts: Record<string, number> = {};
      for (const m of matches) {
        for (const source of facet.sources) {
          if (source.key !== undefined) {
            if (m.entries.some((e) => e.key === source.key && e.member === m.ref)) counts[source.value!] = (counts[source.value!] ?? 0) + 1;
          } else {
            for (const e of m.entries) if (e.member === m.ref && e.key.startsWith(source.eqPrefix!)) counts[e.key.slice(source.eqPrefix!.length)] = (counts[e.key.slice(source.eqPrefix!.length)] ?? 0) + 1;
          }
        }
      }
      facets[facet.name] = counts;
    }
    const last = page[page.length - 1];
    return {
      items: await withComputed(page.map((m) => m.entity), this.computeContext()),
      total: matches.length,
      nextCursor: start + limit < matches.length && last ? encodeCursor(compiled.sort.label, { score: last.score === Infinity ? 'inf' : String(last.score), ref: last.ref }) : null,
      ...(compiled.facets.length ? { facets: this.decodeFacets(facets) } : {}),
    };
  }

  /** Breadth-first walk over relations for relatedTo rules (maxHops default 1). */
  private async resolveRelated(rules: RelatedToRule[]): Promise<Map<RelatedToRule, string[]>> {
    const out = new Map<RelatedToRule, string[]>();
    for (const rule of rules) {
      const start = toRef(rule.kind, rule.id);
      const seen = new Set<string>([start]);
      let frontier = [start];
      const maxHops = rule.maxHops ?? 1;
      for (let hop = 0; hop < maxHops && frontier.length; hop++) {
        const next: string[] = [];
        if (rule.direction === 'downstream') {
          const keys: string[] = [];
          for (const ref of frontier) {
            const kind = fromRef(ref).kind;
            for (const info of this.kinds.values()) {
              for (const [name, rel] of Object.entries(info.kind.relations ?? {})) {
                if (rel.target === kind && (rule.relation === undefined || rule.relation === name)) keys.push(indexKeys.inverse(ref, info.kind.id, name));
              }
            }
          }
          for (const members of await this.store.members(keys)) next.push(...members);
        } else {
          for (const entity of await this.store.getMany(frontier)) {
            if (!entity) continue;
            for (const [name, rel] of Object.entries(this.kinds.get(entity.kind)?.kind.relations ?? {})) {
              if (rule.relation !== undefined && rule.relation !== name) continue;
              for (const id of targetsOf(entity.relations[name])) next.push(toRef(rel.target, id));
            }
          }
        }
        frontier = [];
        for (const ref of next) {
          if (seen.has(ref)) continue;
          seen.add(ref);
          frontier.push(ref);
        }
      }
      seen.delete(start);
      out.set(rule, [...seen]);
    }
    return out;
  }

  /** Relations of one entity in both directions, with titles. */
  async relationsOf(ref: EntityRef): Promise<{ outgoing: Array<{ relation: string; title: string; kind: string; id: string; exists: boolean }>; incoming: Array<{ relation: string; title: string; kind: string; id: string; via: string }> }> {
    const entity = await this.get(ref);
    if (!entity) throw new NotFoundError(`Entity ${ref.kind}/${ref.id} does not exist.`);
    const info = this.requireKind(entity.kind);
    const outgoing: Array<{ relation: string; title: string; kind: string; id: string; exists: boolean }> = [];
    const wanted: string[] = [];
    for (const [name, rel] of Object.entries(info.kind.relations ?? {})) {
      for (const id of targetsOf(entity.relations[name])) {
        outgoing.push({ relation: name, title: rel.title ?? name, kind: rel.target, id, exists: false });
        wanted.push(toRef(rel.target, id));
      }
    }
    const versions = await this.store.versions(wanted);
    versions.forEach((v, i) => (outgoing[i].exists = v !== null));
    const keys: Array<{ key: string; kind: string; name: string; title: string }> = [];
    for (const other of this.kinds.values()) {
      for (const [name, rel] of Object.entries(other.kind.relations ?? {})) {
        if (rel.target === entity.kind) keys.push({ key: indexKeys.inverse(toRef(entity.kind, entity.id), other.kind.id, name), kind: other.kind.id, name, title: rel.inverseTitle ?? rel.inverse ?? `${other.kind.id}.${name}` });
      }
    }
    const members = await this.store.members(keys.map((k) => k.key));
    const incoming = keys.flatMap((k, i) => members[i].map((m) => ({ relation: k.kind + '.' + k.name, title: k.title, kind: fromRef(m).kind, id: fromRef(m).id, via: k.name })));
    return { outgoing, incoming };
  }

  // ---- writes ----

  private prepare(input: unknown, index: number, pointer: string, path?: { kind: string; id?: string }, kinds: Map<string, KindInfo> = this.kinds): Prepared {
    const p = (suffix: string): string => `${pointer}${suffix}`;
    const invalid = (at: string, message: string): ValidationError => new ValidationError(`The entity is invalid: ${at} ${message}.`, [{ pointer: at, message }]);
    if (!isObject(input)) throw invalid(p('') || '/', 'must be an object');
    const forbidden = findForbiddenKey(input, pointer);
    if (forbidden) throw new ValidationError(`The key at ${forbidden} is not allowed: "__proto__", "constructor" and "prototype" cannot be used as keys.`, [{ pointer: forbidden, message: 'forbidden key' }]);
    const allowed = new Set(['kind', 'id', 'title', 'description', 'owner', 'properties', 'relations', 'meta', 'computed']);
    for (const key of Object.keys(input)) if (!allowed.has(key)) throw invalid(p(`/${key}`), 'is not an allowed field (entities have kind, id, title, description, owner, properties, relations)');
    const kindId = path?.kind ?? input.kind;
    if (path && input.kind !== undefined && input.kind !== path.kind) throw invalid(p('/kind'), `must be "${path.kind}" (the kind in the path)`);
    if (typeof kindId !== 'string') throw invalid(p('/kind'), 'is required (a kind id)');
    const info = path ? this.requireKind(kindId, undefined, kinds) : this.requireKind(kindId, p('/kind'), kinds);
    const id = path?.id ?? input.id;
    if (path?.id !== undefined && input.id !== undefined && input.id !== path.id) throw invalid(p('/id'), `must be "${path.id}" (the id in the path)`);
    if (typeof id !== 'string' || !ENTITY_ID_PATTERN.test(id)) throw invalid(p('/id'), `must match ${ENTITY_ID_PATTERN.source} (lowercase letters, digits, ".", "_" and "-"; up to 200 characters)`);
    const title = input.title ?? id;
    if (typeof title !== 'string' || title.length > TEXT_LIMITS.title) throw invalid(p('/title'), `must be a string of at most ${TEXT_LIMITS.title} characters`);
    if (input.description !== undefined && input.description !== null && (typeof input.description !== 'string' || input.description.length > TEXT_LIMITS.description)) throw invalid(p('/description'), `must be a string of at most ${TEXT_LIMITS.description} characters`);
    if (input.owner !== undefined && input.owner !== null && (typeof input.owner !== 'string' || !ENTITY_ID_PATTERN.test(input.owner))) throw invalid(p('/owner'), 'must be an entity id');
    const properties = input.properties === undefined ? {} : input.properties;
    if (!isObject(properties)) throw invalid(p('/properties'), 'must be an object');
    const props = structuredClone(properties);
    this.validator.assert(info.kind.schema, props, 'The entity', p('/properties'));
    const relationsIn = input.relations === undefined ? {} : input.relations;
    if (!isObject(relationsIn)) throw invalid(p('/relations'), 'must be an object');
    const relations: Record<string, string | string[]> = {};
    const defs = info.kind.relations ?? {};
    for (const [name, value] of Object.entries(relationsIn)) {
      if (!Object.hasOwn(defs, name)) throw invalid(p(`/relations/${name}`), `is not a relation of kind "${kindId}"${Object.keys(defs).length ? ` (it has ${Object.keys(defs).join(', ')})` : ''}`);
      if (value === null || (Array.isArray(value) && value.length === 0)) continue;
      const def = defs[name];
      if (def.many) {
        const list = typeof value === 'string' ? [value] : value;
        if (!Array.isArray(list) || list.length > 1000) throw invalid(p(`/relations/${name}`), 'must be an array of entity ids (at most 1000)');
        list.forEach((v, i) => {
          if (typeof v !== 'string' || !ENTITY_ID_PATTERN.test(v)) throw invalid(p(`/relations/${name}/${i}`), `must be the id of a "${def.target}" entity`);
        });
        relations[name] = [...new Set(list as string[])];
      } else {
        if (typeof value !== 'string' || !ENTITY_ID_PATTERN.test(value)) throw invalid(p(`/relations/${name}`), `must be the id of a "${def.target}" entity (the relation is not "many")`);
        relations[name] = value;
      }
    }
    for (const [name, def] of Object.entries(defs)) {
      if (def.required && relations[name] === undefined) throw invalid(p(`/relations/${name}`), `is required (the id of a "${def.target}" entity)`);
    }
    return {
      index,
      pointer,
      ref: toRef(kindId, id),
      kind: kindId,
      id,
      title,
      ...(typeof input.description === 'string' ? { description: input.description } : {}),
      ...(typeof input.owner === 'string' ? { owner: input.owner } : {}),
      properties: props,
      relations,
    };
  }

  /** Relation targets and owners must exist (or arrive in the same batch). */
  private async checkTargets(items: Prepared[], results: Map<number, BulkItemResult>, kinds: Map<string, KindInfo> = this.kinds): Promise<Prepared[]> {
    const inBatch = new Set(items.map((i) => i.ref));
    const wanted = new Map<string, Array<{ item: Prepared; pointer: string; message: string }>>();
    for (const item of items) {
      const info = kinds.get(item.kind)!;
      const want = (ref: string, pointer: string, message: string): void => {
        if (inBatch.has(ref)) return;
        const list = wanted.get(ref) ?? [];
        list.push({ item, pointer, message });
        wanted.set(ref, list);
      };
      for (const [name, value] of Object.entries(item.relations)) {
        const target = info.kind.relations![name].target;
        targetsOf(value).forEach((id, i) => want(toRef(target, id), `${item.pointer}/relations/${name}${Array.isArray(value) ? `/${i}` : ''}`, `names ${target} "${id}", which does not exist`));
      }
      if (item.owner && info.kind.ownerKind) want(toRef(info.kind.ownerKind, item.owner), `${item.pointer}/owner`, `names ${info.kind.ownerKind} "${item.owner}", which does not exist`);
    }
    const refs = [...wanted.keys()];
    const versions = await this.store.versions(refs);
    const failed = new Set<Prepared>();
    versions.forEach((v, i) => {
      if (v !== null) return;
      for (const { item, pointer, message } of wanted.get(refs[i])!) {
        if (failed.has(item)) continue;
        failed.add(item);
        results.set(item.index, { index: item.index, kind: item.kind, id: item.id, status: 'error', error: problem(new ValidationError(`The entity is invalid: ${pointer} ${message}.`, [{ pointer, message }])) });
      }
    });
    return items.filter((i) => !failed.has(i));
  }

  private async writePrepared(items: Prepared[], actor: string, results: Map<number, BulkItemResult>, sources?: string | ((index: number) => string | undefined), adopt?: (owner: string) => boolean): Promise<void> {
    let pending = items;
    for (let attempt = 0; pending.length && attempt < MAX_RETRIES; attempt++) {
      const befores = await this.store.getMany(pending.map((i) => i.ref));
      // A ref deleted earlier continues after its last version, so a stale If-Match never matches it again.
      const absent = pending.filter((_, i) => befores[i] === null).map((item) => item.ref);
      const buried = new Map<string, number>();
      if (absent.length) (await this.store.deletedVersions(absent)).forEach((v, i) => v !== null && buried.set(absent[i], v));
      const writes: EntityWrite[] = [];
      const writing: Prepared[] = [];
      const now = new Date().toISOString();
      pending.forEach((item, i) => {
        const before = befores[i];
        if (item.ifVersion !== undefined && (before?.meta.version ?? 0) !== item.ifVersion) {
          results.set(item.index, { index: item.index, kind: item.kind, id: item.id, status: 'error', error: problem(new PreconditionFailedError(`${item.ref} is at version ${before?.meta.version ?? 'none (it does not exist)'}, not ${item.ifVersion}: someone changed it; read it again and retry.`, { currentVersion: before?.meta.version ?? null })) });
          return;
        }
        const source = typeof sources === 'function' ? sources(item.index) : sources;
        const owner = before?.meta.source && adopt?.(before.meta.source) ? null : ownershipConflict(item.ref, before, source);
        if (owner) {
          results.set(item.index, { index: item.index, kind: item.kind, id: item.id, status: 'error', error: problem(owner) });
          return;
        }
        if (item.createOnly && before) {
          results.set(item.index, { index: item.index, kind: item.kind, id: item.id, status: 'error', error: problem(new ConflictError(`${item.ref} already exists; update it with PUT or PATCH.`, { currentVersion: before.meta.version })) });
          return;
        }
        const entity: Entity = {
          kind: item.kind,
          id: item.id,
          title: item.title,
          ...(item.description !== undefined ? { description: item.description } : {}),
          ...(item.owner !== undefined ? { owner: item.owner } : {}),
          properties: item.properties,
          relations: item.relations,
          meta: {
            createdAt: before?.meta.createdAt ?? now,
            updatedAt: now,
            createdBy: before?.meta.createdBy ?? actor,
            updatedBy: actor,
            version: (before?.meta.version ?? buried.get(item.ref) ?? 0) + 1,
            // An API edit of a source's entity keeps it owned by that source.
            ...((source ?? before?.meta.source) ? { source: source ?? before?.meta.source } : {}),
          },
        };
        if (before && before.meta.source === entity.meta.source && before.title === entity.title && before.description === entity.description && before.owner === entity.owner && deepEqual(before.properties, entity.properties) && deepEqual(before.relations, entity.relations)) {
          results.set(item.index, { index: item.index, kind: item.kind, id: item.id, status: 'unchanged', version: before.meta.version });
          return;
        }
        // A new entity has nothing to remove: its entries are all additions, with no diff to compute.
        const { add, remove } = before ? diffEntries(this.entries(before), this.entries(entity)) : { add: this.entries(entity), remove: [] };
        writes.push({ ref: item.ref, expectedVersion: before?.meta.version ?? 0, entity, add, remove, event: { type: before ? 'updated' : 'created', kind: item.kind, id: item.id, before, after: entity, actor, at: now } });
        writing.push(item);
      });
      const outcomes = await this.store.write(writes);
      const retry: Prepared[] = [];
      outcomes.forEach((outcome, i) => {
        const item = writing[i];
        if (outcome === 'ok') {
          results.set(item.index, { index: item.index, kind: item.kind, id: item.id, status: writes[i].expectedVersion === 0 ? 'created' : 'updated', version: writes[i].entity!.meta.version });
        } else if (item.ifVersion !== undefined) {
          results.set(item.index, { index: item.index, kind: item.kind, id: item.id, status: 'error', error: problem(new PreconditionFailedError(`${item.ref} was changed by someone else meanwhile (expected version ${item.ifVersion}); read it again and retry.`)) });
        } else retry.push(item);
      });
      pending = retry;
    }
    for (const item of pending) {
      results.set(item.index, { index: item.index, kind: item.kind, id: item.id, status: 'error', error: problem(new ConflictError(`${item.ref} kept changing concurrently; retry.`)) });
    }
  }

  /** Validates and writes many entities; atomic per entity, with a result per item. */
  async upsertMany(inputs: unknown[], options: UpsertOptions & { path?: { kind: string; id?: string }; ifVersion?: number; pointerPrefix?: string }): Promise<BulkItemResult[]> {
    const results = new Map<number, BulkItemResult>();
    const prepared: Prepared[] = [];
    inputs.forEach((input, index) => {
      try {
        const item = this.prepare(input, index, options.pointerPrefix === undefined ? `/${index}` : options.pointerPrefix, options.path);
        item.ifVersion = options.ifVersion;
        item.createOnly = options.createOnly;
        prepared.push(item);
      } catch (error) {
        results.set(index, { index, status: 'error', error: problem(error) });
      }
    });
    const checked = await this.checkTargets(prepared, results);
    await this.writePrepared(checked, options.actor, results, options.sourceOf ?? options.source, options.adopt);
    return inputs.map((_, i) => results.get(i)!);
  }

  /**
   * What upsertMany would refuse, without writing: each input checked against `kinds` (the
   * catalog's, with planned kinds added or replaced) and relation targets that exist or come
   * in the same batch. Ownership is not checked here.
   */
  async checkMany(inputs: unknown[], plannedKinds: KindDefinition[] = []): Promise<Map<number, NonNullable<BulkItemResult['error']>>> {
    const kinds = new Map(this.kinds);
    for (const kind of plannedKinds) kinds.set(kind.id, analyseKind(kind));
    const results = new Map<number, BulkItemResult>();
    const prepared: Prepared[] = [];
    inputs.forEach((input, index) => {
      try {
        prepared.push(this.prepare(input, index, `/${index}`, undefined, kinds));
      } catch (error) {
        results.set(index, { index, status: 'error', error: problem(error) });
      }
    });
    await this.checkTargets(prepared, results, kinds);
    return new Map([...results].map(([index, result]) => [index, result.error!]));
  }

  /** Throws the ValidationError createKind would, for a kind whose relation targets are `known` kind ids or the catalog's. */
  checkKind(kind: unknown, known: Set<string> = new Set()): asserts kind is KindDefinition {
    validateKind(kind, this.validator);
    for (const [name, rel] of Object.entries(kind.relations ?? {})) {
      if (rel.target !== kind.id && !this.kinds.has(rel.target) && !known.has(rel.target)) throw new ValidationError(`Relation "${name}" targets kind "${rel.target}", which does not exist.`, [{ pointer: `/relations/${name}/target`, message: `unknown kind "${rel.target}"` }]);
    }
  }

  private async single(input: unknown, options: WriteOptions & { createOnly?: boolean; path?: { kind: string; id?: string } }): Promise<Entity> {
    const [result] = await this.upsertMany([input], { actor: options.actor ?? 'system', ifVersion: options.ifVersion, createOnly: options.createOnly, path: options.path, pointerPrefix: '' });
    if (result.status === 'error') throw this.rethrow(result);
    const entity = await this.get({ kind: result.kind!, id: result.id! });
    if (!entity) throw new ConflictError(`${result.kind}/${result.id} was deleted right after this write.`);
    return entity;
  }

  private rethrow(result: BulkItemResult): Error {
    const e = result.error!;
    if (e.status === 412) return new PreconditionFailedError(e.detail);
    if (e.status === 409) return new ConflictError(e.detail);
    if (e.status === 404) return new NotFoundError(e.detail);
    if (e.status === 400) return new ValidationError(e.detail, e.errors);
    return new Error(e.detail);
  }

  async upsert(entity: EntityInput, options: WriteOptions = {}): Promise<Entity> {
    return this.single(entity, options);
  }

  /** Creates; 409 when it exists. */
  async create(kind: string, input: unknown, options: WriteOptions = {}): Promise<Entity> {
    return this.single(input, { ...options, createOnly: true, path: { kind } });
  }

  /** Replaces (or creates) the entity at a path. */
  async put(ref: EntityRef, input: unknown, options: WriteOptions = {}): Promise<Entity> {
    return this.single(input, { ...options, path: ref });
  }

  async patch(ref: EntityRef, patch: Partial<Omit<EntityInput, 'kind' | 'id'>>, options: WriteOptions = {}): Promise<Entity> {
    if (!isObject(patch)) throw new ValidationError('The patch must be an object.', [{ pointer: '/', message: 'must be an object' }]);
    const forbidden = findForbiddenKey(patch);
    if (forbidden) throw new ValidationError(`The key at ${forbidden} is not allowed.`, [{ pointer: forbidden, message: 'forbidden key' }]);
    for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
      const [current] = await this.store.getMany([toRef(ref.kind, ref.id)]);
      if (!current) {
        this.requireKind(ref.kind);
        throw new NotFoundError(`Entity ${ref.kind}/${ref.id} does not exist.`);
      }
      if (options.ifVersion !== undefined && current.meta.version !== options.ifVersion) {
        throw new PreconditionFailedError(`${ref.kind}/${ref.id} is at version ${current.meta.version}, not ${options.ifVersion}: someone changed it; read it again and retry.`, { currentVersion: current.meta.version });
      }
      const merged: Record<string, unknown> = {
        title: current.title,
        description: current.description,
        owner: current.owner,
        properties: current.properties,
        relations: current.relations,
      };
      for (const [key, value] of Object.entries(patch)) {
        if (key === 'properties' || key === 'relations') merged[key] = mergePatch(merged[key], value);
        else merged[key] = value === null ? undefined : value;
      }
      for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
      try {
        return await this.single(merged, { actor: options.actor, ifVersion: current.meta.version, path: ref });
      } catch (error) {
        if (error instanceof PreconditionFailedError && options.ifVersion === undefined) continue;
        throw error;
      }
    }
    throw new ConflictError(`${ref.kind}/${ref.id} kept changing concurrently; retry.`);
  }

  /** With `source`: refused for an entity another source owns. */
  async delete(ref: EntityRef, options: DeleteOptions & { source?: string } = {}): Promise<void> {
    const actor = options.actor ?? 'system';
    for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
      const rootRef = toRef(ref.kind, ref.id);
      const [root] = await this.store.getMany([rootRef]);
      if (!root) {
        this.requireKind(ref.kind);
        throw new NotFoundError(`Entity ${ref.kind}/${ref.id} does not exist.`);
      }
      if (options.ifVersion !== undefined && root.meta.version !== options.ifVersion) {
        throw new PreconditionFailedError(`${rootRef} is at version ${root.meta.version}, not ${options.ifVersion}: someone changed it; read it again and retry.`, { currentVersion: root.meta.version });
      }
      const owner = ownershipConflict(rootRef, root, options.source);
      if (owner) throw owner;
      const order: Entity[] = [root];
      const seen = new Set([rootRef]);
      for (let i = 0; i < order.length; i++) {
        const dependents = await this.dependentsOf(order[i]);
        if (i === 0 && dependents.length && !options.cascade) {
          throw new ConflictError(`${rootRef} is required by ${dependents.length} entities; delete or re-point them first, or delete with cascade=true.`, { dependents: dependents.slice(0, 100).map((d) => ({ ...fromRef(d.ref), relation: d.relation })), dependentsCount: dependents.length }, 'required-by-others');
        }
        const fresh = dependents.map((d) => d.ref).filter((r) => !seen.has(r));
        fresh.forEach((r) => seen.add(r));
        for (const entity of await this.store.getMany(fresh)) if (entity) order.push(entity);
        if (order.length > 10_000) throw new ConflictError(`Deleting ${rootRef} would cascade to more than 10000 entities; delete in smaller steps.`);
      }
      const now = new Date().toISOString();
      // Dependents first, so nothing is ever left pointing at a deleted requirement.
      const writes: EntityWrite[] = order.reverse().map((entity) => ({ ref: toRef(entity.kind, entity.id), expectedVersion: entity.meta.version, entity: null, add: [], remove: this.entries(entity), event: { type: 'deleted', kind: entity.kind, id: entity.id, before: entity, after: null, actor, at: now } }));
      const outcomes = await this.store.write(writes);
      if (outcomes.every((o) => o === 'ok')) return;
      if (options.ifVersion !== undefined && outcomes[outcomes.length - 1] === 'conflict') throw new PreconditionFailedError(`${rootRef} was changed by someone else meanwhile; read it again and retry.`);
    }
    throw new ConflictError(`${ref.kind}/${ref.id} kept changing concurrently; retry.`);
  }

  /** Entities whose required relations point at `entity`. */
  private async dependentsOf(entity: Entity): Promise<Array<{ ref: string; relation: string }>> {
    const keys: Array<{ key: string; relation: string }> = [];
    for (const info of this.kinds.values()) {
      for (const [name, rel] of Object.entries(info.kind.relations ?? {})) {
        if (rel.target === entity.kind && rel.required) keys.push({ key: indexKeys.inverse(toRef(entity.kind, entity.id), info.kind.id, name), relation: `${info.kind.id}.${name}` });
      }
    }
    const members = await this.store.members(keys.map((k) => k.key));
    const self = toRef(entity.kind, entity.id);
    return keys.flatMap((k, i) => members[i].filter((m) => m !== self).map((ref) => ({ ref, relation: k.relation })));
  }

  async applyMutation(mutation: EntityMutation, actor: string, options: { source?: string } = {}): Promise<void> {
    if (mutation.upsert?.length) {
      const results = await this.upsertMany(mutation.upsert, { actor, pointerPrefix: undefined, source: options.source });
      const failed = results.filter((r) => r.status === 'error');
      if (failed.length) {
        this.logger.warn(`${failed.length} of ${results.length} entities from ${actor} were refused`, { examples: failed.slice(0, 5).map((f) => ({ index: f.index, ref: f.kind ? `${f.kind}/${f.id}` : undefined, detail: f.error?.detail })) });
        const first = failed[0].error!;
        throw new ValidationError(`${failed.length} of ${results.length} entities were refused; the first (#${failed[0].index}): ${first.detail}`, (first.errors ?? []).map((e) => ({ ...e, pointer: `/upsert${e.pointer}` })));
      }
    }
    for (const ref of mutation.delete ?? []) {
      try {
        await this.delete(ref, { actor, cascade: false, source: options.source });
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    }
  }

  async applyFullSync(entities: EntityInput[], request: FullSyncRequest): Promise<FullSyncReport> {
    return new FullSync(this, this.store, this.logger).run(entities, request);
  }

  async applyCatalogCode(request: CatalogCodeRequest, options: { actor: string; dryRun: boolean }): Promise<CatalogPlan> {
    return applyCatalogCode(this, request, options);
  }

  async claimDueTimers(now: number, limit: number): Promise<DueTimerClaim[]> {
    const due = await this.store.claimDueTimers(now, limit);
    return due.map((t) => {
      const bar = t.member.lastIndexOf('|');
      const { kind, id } = fromRef(t.member.slice(0, bar));
      return { kind, id, property: t.member.slice(bar + 1), dueAt: t.dueAt };
    });
  }

  onEvent(listener: (event: EntityEvent) => void | Promise<void>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  routes(): ApiRoute<any>[] {
    return [...catalogRoutes(this), ...catalogCodeRoutes(this)];
  }

  health(): Array<{ name: string; status: string }> {
    return this.store.health?.() ?? [];
  }

  async close(): Promise<void> {
    this.unsubscribe();
    this.listeners.clear();
    await this.store.close();
  }
}

/** A source may write its own entities and unowned ones (which it then owns), never another source's. */
function ownershipConflict(ref: string, before: Entity | null, source: string | undefined): ConflictError | null {
  if (!before?.meta.source || !source || before.meta.source === source) return null;
  return new ConflictError(`${ref} belongs to ${before.meta.source}; ${source} cannot overwrite it. Remove it from one of the two sources, or delete it so that one source can take it.`, { owner: before.meta.source, source }, 'owned-by-another-source');
}

/** RFC 7396 merge patch: null deletes, objects merge recursively, everything else replaces. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}
