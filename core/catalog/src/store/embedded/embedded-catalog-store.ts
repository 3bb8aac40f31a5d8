import type { Entity, KindDefinition, LoggerService } from '@portico/plugin-api';
import type { IndexEntry } from '../../index/index-entry';
import { formatScore, parseScore, indexKeys } from '../../index/index-keys';
import { MAX_FACET_VALUES, type PlanNode, type StoreQuery, type StoreQueryResult } from '../../query/plan';
import { inScoreRange, valueMatches } from '../../query/value-match';
import type { BusMessage, CatalogStore, DueTimer, EntityWrite, StoredKind, WriteOutcome } from '../catalog-store';
import { AppendLog } from './append-log';

type LogRecord =
  | { t: 'k'; k: KindDefinition; s: string }
  | { t: 'dk'; id: string }
  | { t: 'p'; r: string; e: Entity }
  /** A delete, with the version deleted (absent in logs written before versions were kept). */
  | { t: 'd'; r: string; v?: number }
  | { t: 'c'; m: string; s: number };

interface Members {
  readonly size: number;
  has(ref: string): boolean;
  keys(): Iterable<string>;
}

/** @public */
export interface EmbeddedStoreOptions {
  dataDir: string;
  logger: LoggerService;
  /** Index entries of an entity under a kind (the store rebuilds its indexes from documents on start). */
  indexer: (entity: Entity, kind: KindDefinition | undefined) => IndexEntry[];
  fsync?: boolean;
}

/** A put record as JSON text around an already serialised document. */
function putLine(ref: string, json: string): string {
  return `{"t":"p","r":${JSON.stringify(ref)},"e":${json}}`;
}

function compareRefs(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The store for a portal without Redis: documents and indexes in memory, every
 * acknowledged change in an append-only log that is replayed on start and compacted
 * when it grows to more than twice the live data. One process owns a data directory.
 * @public
 */
export class EmbeddedCatalogStore implements CatalogStore {
  /** Documents as JSON text: a third of the memory of live objects, and served to HTTP as is. */
  private readonly entities = new Map<string, string>();
  private readonly versionOf = new Map<string, number>();
  /** Last versions of deleted refs, so a re-created entity continues after them. */
  private readonly buried = new Map<string, number>();
  private readonly kinds = new Map<string, StoredKind>();
  private readonly index = new Map<string, Map<string, number>>();
  private readonly registries = new Map<string, Set<string>>();
  private readonly sortedCache = new Map<string, string[]>();
  private readonly listeners = new Set<(message: BusMessage) => void>();
  private readonly log: AppendLog;
  private appended = 0;
  /** Bumped by every write: facet counts are cached per plan until the next one. */
  private writeVersion = 0;
  private readonly facetCache = new Map<string, { version: number; facets: Record<string, Record<string, number>> }>();
  private closed = false;

  constructor(private readonly options: EmbeddedStoreOptions) {
    this.log = new AppendLog(options.dataDir, options.fsync);
    this.replay();
  }

  private replay(): void {
    const claims = new Map<string, number>();
    const records = this.log.read((line) => this.options.logger.warn('Skipped an incomplete catalog log line (a write interrupted before it was acknowledged)', { line }));
    for (const record of records as LogRecord[]) {
      if (record.t === 'k') this.kinds.set(record.k.id, { kind: record.k, source: record.s });
      else if (record.t === 'dk') this.kinds.delete(record.id);
      else if (record.t === 'p') {
        this.entities.set(record.r, JSON.stringify(record.e));
        this.versionOf.set(record.r, record.e.meta.version);
        this.buried.delete(record.r);
      } else if (record.t === 'd') {
        this.entities.delete(record.r);
        this.versionOf.delete(record.r);
        if (record.v !== undefined) this.buried.set(record.r, record.v);
      }
      else if (record.t === 'c') claims.set(record.m, record.s);
    }
    for (const json of this.entities.values()) {
      const entity = JSON.parse(json) as Entity;
      this.apply(this.options.indexer(entity, this.kinds.get(entity.kind)?.kind), []);
    }
    // A claim holds while the timer keeps the value it was claimed at; a changed value re-arms it.
    for (const [member, score] of claims) {
      const timers = this.index.get(indexKeys.timers);
      if (timers?.get(member) === score) timers.delete(member);
    }
    this.appended = records.length;
    this.maybeCompact();
  }

  private maybeCompact(): void {
    const live = this.entities.size + this.kinds.size;
    if (this.appended < 10_000 || this.appended < live * 2) return;
    const { kinds, entities, buried, index, options } = this;
    function* snapshot(): Generator<LogRecord | string> {
      for (const stored of kinds.values()) yield { t: 'k', k: stored.kind, s: stored.source };
      for (const [ref, json] of entities) yield putLine(ref, json);
      for (const [ref, version] of buried) yield { t: 'd', r: ref, v: version };
      const timers = index.get(indexKeys.timers);
      // Timers already claimed stay claimed after the snapshot.
      for (const json of entities.values()) {
        if (!timers) break;
        const entity = JSON.parse(json) as Entity;
        for (const entry of options.indexer(entity, kinds.get(entity.kind)?.kind)) {
          if (entry.key === indexKeys.timers && !timers?.has(entry.member)) yield { t: 'c', m: entry.member, s: entry.score };
        }
      }
    }
    this.log.rewrite(snapshot());
    this.appended = live;
  }

  private touch(key: string): void {
    this.sortedCache.delete(key);
  }

  private apply(add: IndexEntry[], remove: IndexEntry[]): void {
    this.writeVersion++;
    for (const entry of remove) {
      const set = this.index.get(entry.key);
      if (!set) continue;
      set.delete(entry.member);
      this.touch(entry.key);
      if (set.size === 0) {
        this.index.delete(entry.key);
        if (entry.valuesKey) this.registries.get(entry.valuesKey)?.delete(entry.value!);
      }
    }
    for (const entry of add) {
      let set = this.index.get(entry.key);
      if (!set) {
        set = new Map();
        this.index.set(entry.key, set);
      }
      set.set(entry.member, entry.score);
      this.touch(entry.key);
      if (entry.valuesKey) {
        let registry = this.registries.get(entry.valuesKey);
        if (!registry) {
          registry = new Set();
          this.registries.set(entry.valuesKey, registry);
        }
        registry.add(entry.value!);
      }
    }
  }

  private publish(message: BusMessage): void {
    for (const listener of this.listeners) queueMicrotask(() => listener(message));
  }

  async loadKinds(): Promise<StoredKind[]> {
    return [...this.kinds.values()];
  }

  async saveKind(stored: StoredKind): Promise<void> {
    this.log.append([{ t: 'k', k: stored.kind, s: stored.source }]);
    this.appended++;
    this.kinds.set(stored.kind.id, stored);
    this.publish({ kindsChanged: true });
  }

  async deleteKind(id: string): Promise<void> {
    this.log.append([{ t: 'dk', id }]);
    this.appended++;
    this.kinds.delete(id);
    this.publish({ kindsChanged: true });
  }

  async getMany(refs: string[]): Promise<Array<Entity | null>> {
    return refs.map((ref) => {
      const json = this.entities.get(ref);
      return json === undefined ? null : (JSON.parse(json) as Entity);
    });
  }

  async getRaw(ref: string): Promise<string | null> {
    return this.entities.get(ref) ?? null;
  }

  async versions(refs: string[]): Promise<Array<number | null>> {
    return refs.map((ref) => this.versionOf.get(ref) ?? null);
  }

  async deletedVersions(refs: string[]): Promise<Array<number | null>> {
    return refs.map((ref) => this.buried.get(ref) ?? null);
  }

  async members(keys: string[]): Promise<string[][]> {
    return keys.map((key) => [...(this.index.get(key)?.keys() ?? [])]);
  }

  async write(writes: EntityWrite[]): Promise<WriteOutcome[]> {
    if (this.closed) throw new Error('The catalog store is closed');
    const outcomes: WriteOutcome[] = [];
    const accepted: EntityWrite[] = [];
    const pending = new Map<string, number>();
    const pendingBuried = new Map<string, number>();
    for (const write of writes) {
      const current = pending.has(write.ref) ? pending.get(write.ref)! : (this.versionOf.get(write.ref) ?? 0);
      const buried = pendingBuried.has(write.ref) ? pendingBuried.get(write.ref)! : (this.buried.get(write.ref) ?? 0);
      if (current !== write.expectedVersion || (current === 0 && write.entity && (write.restore ? write.entity.meta.version <= buried : write.entity.meta.version !== buried + 1))) {
        outcomes.push('conflict');
        continue;
      }
      if (!write.entity) pendingBuried.set(write.ref, current);
      pending.set(write.ref, write.entity?.meta.version ?? 0);
      outcomes.push('ok');
      accepted.push(write);
    }
    // Durable first: nothing is visible or acknowledged before it is in the log.
    const docs = accepted.map((w) => (w.entity ? JSON.stringify(w.entity) : null));
    // A delete removes the version it expected (checked above).
    const deletedAt = accepted.map((w) => (w.entity ? 0 : w.expectedVersion));
    this.log.append(accepted.map((w, i) => (docs[i] !== null ? putLine(w.ref, docs[i]!) : ({ t: 'd', r: w.ref, v: deletedAt[i] } as LogRecord))));
    this.appended += accepted.length;
    accepted.forEach((write, i) => {
      if (write.entity) {
        this.entities.set(write.ref, docs[i]!);
        this.versionOf.set(write.ref, write.entity.meta.version);
        this.buried.delete(write.ref);
      } else {
        this.entities.delete(write.ref);
        this.versionOf.delete(write.ref);
        this.buried.set(write.ref, deletedAt[i]);
      }
      this.apply(write.add, write.remove);
      if (write.event) this.publish({ entity: write.event });
    });
    this.maybeCompact();
    return outcomes;
  }

  private members_(key: string): Members {
    return this.index.get(key) ?? new Set<string>();
  }

  private evaluate(node: PlanNode): Members {
    switch (node.t) {
      case 'key':
        return this.members_(node.key);
      case 'residual':
        return this.members_(node.universe);
      case 'ids':
        return new Set(node.refs);
      case 'empty':
        return new Set();
      case 'and': {
        const sets = node.of.map((n) => this.evaluate(n)).sort((a, b) => a.size - b.size);
        const result = new Set<string>();
        for (const ref of sets[0].keys()) if (sets.every((s) => s.has(ref))) result.add(ref);
        return result;
      }
      case 'or': {
        const result = new Set<string>();
        for (const n of node.of) for (const ref of this.evaluate(n).keys()) result.add(ref);
        return result;
      }
      case 'diff': {
        const [first, ...rest] = node.of.map((n) => this.evaluate(n));
        const result = new Set<string>();
        for (const ref of first.keys()) if (!rest.some((s) => s.has(ref))) result.add(ref);
        return result;
      }
      case 'range': {
        const result = new Set<string>();
        for (const [ref, score] of this.index.get(node.key) ?? []) if (inScoreRange(score, node.min, node.max)) result.add(ref);
        return result;
      }
      case 'prefix': {
        const result = new Set<string>();
        for (const ref of this.members_(node.key).keys()) if (ref.startsWith(node.prefix)) result.add(ref);
        return result;
      }
      case 'values': {
        const result = new Set<string>();
        for (const value of this.registries.get(node.valuesKey) ?? []) {
          if (!valueMatches(value, node.match)) continue;
          for (const ref of this.members_(node.eqPrefix + value).keys()) result.add(ref);
        }
        return result;
      }
      default:
        return new Set();
    }
  }

  private sortedRefs(node: PlanNode, members: Members): string[] {
    if (node.t === 'key') {
      const cached = this.sortedCache.get(node.key);
      if (cached) return cached;
      const sorted = [...members.keys()].sort(compareRefs);
      this.sortedCache.set(node.key, sorted);
      return sorted;
    }
    return [...members.keys()].sort(compareRefs);
  }

  async query(query: StoreQuery): Promise<StoreQueryResult> {
    const members = this.evaluate(query.node);
    const total = members.size;
    let page: Array<{ ref: string; score: string }>;
    let hasMore: boolean;
    if (query.sort.key === null) {
      let refs = this.sortedRefs(query.node, members);
      if (query.sort.desc) refs = [...refs].reverse();
      let start = 0;
      if (query.cursor) {
        const c = query.cursor.ref;
        let lo = 0;
        let hi = refs.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          const after = query.sort.desc ? refs[mid] < c : refs[mid] > c;
          if (after) hi = mid;
          else lo = mid + 1;
        }
        start = lo;
      }
      page = refs.slice(start, start + query.limit).map((ref) => ({ ref, score: '0' }));
      hasMore = start + query.limit < refs.length;
    } else {
      const scores = this.index.get(query.sort.key) ?? new Map<string, number>();
      const rows: Array<{ ref: string; score: number }> = [];
      for (const ref of members.keys()) {
        const score = scores.get(ref);
        if (score !== undefined) rows.push({ ref, score });
      }
      const sign = query.sort.desc ? -1 : 1;
      const cmp = (a: { ref: string; score: number }, b: { ref: string; score: number }): number => sign * (a.score === b.score ? compareRefs(a.ref, b.ref) : a.score < b.score ? -1 : 1);
      rows.sort(cmp);
      let start = 0;
      if (query.cursor) {
        const c = { ref: query.cursor.ref, score: parseScore(query.cursor.score) };
        let lo = 0;
        let hi = rows.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cmp(rows[mid], c) > 0) hi = mid;
          else lo = mid + 1;
        }
        start = lo;
      }
      page = rows.slice(start, start + query.limit).map((r) => ({ ref: r.ref, score: formatScore(r.score) }));
      hasMore = start + query.limit < rows.length;
    }
    const cacheKey = query.facets.length ? JSON.stringify([query.node, query.facets]) : '';
    const cached = this.facetCache.get(cacheKey);
    const facets: Record<string, Record<string, number>> = cached && cached.version === this.writeVersion ? cached.facets : {};
    for (const facet of cached && cached.version === this.writeVersion ? [] : query.facets) {
      const counts: Record<string, number> = {};
      const count = (value: string, set: Members): void => {
        let n = 0;
        const [small, large] = set.size < members.size ? [set, members] : [members, set];
        for (const ref of small.keys()) if (large.has(ref)) n++;
        if (n > 0) counts[value] = (counts[value] ?? 0) + n;
      };
      for (const source of facet.sources) {
        if (source.key !== undefined) count(source.value!, this.members_(source.key));
        else {
          const values = [...(this.registries.get(source.valuesKey!) ?? [])].sort(compareRefs).slice(0, MAX_FACET_VALUES);
          for (const value of values) count(value, this.members_(source.eqPrefix + value));
        }
      }
      facets[facet.name] = counts;
    }
    if (query.facets.length && facets !== cached?.facets) {
      if (this.facetCache.size >= 200) this.facetCache.clear();
      this.facetCache.set(cacheKey, { version: this.writeVersion, facets });
    }
    return { total, page, hasMore, docs: page.map((p) => this.entities.get(p.ref) ?? null), facets };
  }

  async candidates(node: PlanNode, max: number): Promise<{ count: number; refs: string[] | null }> {
    const members = this.evaluate(node);
    return { count: members.size, refs: members.size > max ? null : [...members.keys()] };
  }

  async claimDueTimers(now: number, limit: number): Promise<DueTimer[]> {
    const timers = this.index.get(indexKeys.timers);
    if (!timers) return [];
    const due: DueTimer[] = [];
    for (const [member, score] of timers) if (score <= now) due.push({ member, dueAt: score });
    due.sort((a, b) => a.dueAt - b.dueAt || compareRefs(a.member, b.member));
    const claimed = due.slice(0, limit);
    this.log.append(claimed.map((t): LogRecord => ({ t: 'c', m: t.member, s: t.dueAt })));
    this.appended += claimed.length;
    for (const t of claimed) timers.delete(t.member);
    return claimed;
  }

  subscribe(listener: (message: BusMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    this.log.close();
  }
}
