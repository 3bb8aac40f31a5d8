import { Redis } from 'ioredis';
import { redisOptions, type RedisConnectionHealth } from '@portico/http';
import type { Entity, EntityEvent, LoggerService } from '@portico/plugin-api';
import type { IndexEntry } from '../../index/index-entry';
import { formatScore } from '../../index/index-keys';
import type { PlanNode, StoreQuery, StoreQueryResult } from '../../query/plan';
import type { BusMessage, CatalogStore, DueTimer, EntityWrite, StoredKind, WriteOutcome } from '../catalog-store';
import { StringPacker } from './pack-strings';
import { CANDIDATES_SCRIPT, CLAIM_TIMERS_SCRIPT, QUERY_SCRIPT, WRITE_SCRIPT } from './lua-scripts';

/** @public */
export interface RedisStoreOptions {
  url: string;
  /** Default `portico:`; all keys are `<keyPrefix>{catalog}:…`. */
  keyPrefix?: string;
  logger: LoggerService;
  /** Approximate length the event stream is trimmed to. */
  streamMaxLength?: number;
}

type ScriptFn = (...args: Array<string | number | Buffer>) => Promise<unknown>;
const WRITES_PER_SCRIPT = 250;
/** Members per variadic ZADD/ZREM (Lua's unpack has a stack limit). */
const MEMBERS_PER_COMMAND = 500;

/**
 * An event as JSON. Events of entity writes carry the new document as `after`: its JSON
 * (already made for the write) is spliced in rather than serialised a second time.
 */
function eventJson(write: EntityWrite, doc: string): string {
  const event = write.event;
  if (!event) return '';
  if (doc !== '' && event.after === write.entity && event.before !== undefined && typeof event.actor === 'string' && typeof event.at === 'string' && Object.keys(event).join(',') === 'type,kind,id,before,after,actor,at') {
    return `{"type":${JSON.stringify(event.type)},"kind":${JSON.stringify(event.kind)},"id":${JSON.stringify(event.id)},"before":${JSON.stringify(event.before)},"after":${doc},"actor":${JSON.stringify(event.actor)},"at":${JSON.stringify(event.at)}}`;
  }
  return JSON.stringify(event);
}

function groupByKey(entries: IndexEntry[], into: Map<string, IndexEntry[]>): void {
  for (const e of entries) {
    const group = into.get(e.key);
    if (group) group.push(e);
    else into.set(e.key, [e]);
  }
}

/** How many variadic commands the groups take (one per MEMBERS_PER_COMMAND members of a key). */
function chunkCount(groups: Map<string, IndexEntry[]>): number {
  let count = 0;
  for (const group of groups.values()) count += Math.ceil(group.length / MEMBERS_PER_COMMAND);
  return count;
}

/**
 * Index changes as the write script reads them, one chunk per command: key, values registry
 * (or ''), value (or ''), member count, then the members, each preceded by its score for additions.
 */
function packGroups(packer: StringPacker, groups: Map<string, IndexEntry[]>, withScores: boolean): void {
  for (const [key, group] of groups) {
    for (let k = 0; k < group.length; k += MEMBERS_PER_COMMAND) {
      const end = Math.min(group.length, k + MEMBERS_PER_COMMAND);
      packer.add(key);
      packer.add(group[k].valuesKey ?? '');
      packer.add(group[k].value ?? '');
      packer.add(String(end - k));
      for (let m = k; m < end; m++) {
        if (withScores) packer.add(formatScore(group[m].score));
        packer.add(group[m].member);
      }
    }
  }
}

/**
 * The production store. Each entity is one JSON string key; versions live in one sorted
 * set; every index is a sorted set. Writes, their index changes and their event are one
 * Lua script (atomic); queries are one Lua script that computes the matching set,
 * counts it, cuts the page and reads the page's documents. Events go to a Redis Stream
 * that every instance tails, so instances sharing a prefix see each other's changes.
 * @public
 */
export class RedisCatalogStore implements CatalogStore {
  private readonly redis: Redis;
  private readonly reader: Redis;
  private readonly base: string;
  private readonly listeners = new Set<(message: BusMessage) => void>();
  private closed = false;
  private lastEventId = '0-0';
  private loop: Promise<void> | null = null;
  private lastError: Error | null = null;

  private constructor(private readonly options: RedisStoreOptions) {
    // Both reconnect forever; requests fail fast (503) while Redis is away, the event reader waits.
    this.redis = new Redis(options.url, redisOptions('requests'));
    this.reader = new Redis(options.url, redisOptions('blocking'));
    this.base = `${options.keyPrefix ?? 'portico:'}{catalog}:`;
    // Connection errors are reported here (ioredis reconnects on its own); without a handler ioredis prints them raw.
    for (const client of [this.redis, this.reader]) {
      client.on('error', (error: Error) => {
        this.lastError = error;
        if (!this.closed && this.loop) options.logger.warn('Catalog Redis connection error', { error: error.message });
      });
    }
    this.redis.defineCommand('porticoWrite', { numberOfKeys: 1, lua: WRITE_SCRIPT });
    this.redis.defineCommand('porticoQuery', { numberOfKeys: 1, lua: QUERY_SCRIPT });
    this.redis.defineCommand('porticoCandidates', { numberOfKeys: 1, lua: CANDIDATES_SCRIPT });
    this.redis.defineCommand('porticoClaimTimers', { numberOfKeys: 1, lua: CLAIM_TIMERS_SCRIPT });
  }

  static async connect(options: RedisStoreOptions): Promise<RedisCatalogStore> {
    const store = new RedisCatalogStore(options);
    try {
      await Promise.all([store.redis.connect(), store.reader.connect()]);
      const last = (await store.redis.xrevrange(store.key('events'), '+', '-', 'COUNT', 1)) as Array<[string, string[]]>;
      store.lastEventId = last[0]?.[0] ?? '0-0';
    } catch (error) {
      store.redis.disconnect();
      store.reader.disconnect();
      throw new Error(`Cannot use Redis at ${options.url.replace(/\/\/[^@]*@/, '//***@')} for the catalog: ${(store.lastError ?? (error as Error)).message}`);
    }
    store.loop = store.readEvents();
    return store;
  }

  private key(name: string): string {
    return this.base + name;
  }

  private script(name: string): ScriptFn {
    return (this.redis as unknown as Record<string, ScriptFn>)[name].bind(this.redis);
  }

  private async readEvents(): Promise<void> {
    while (!this.closed) {
      try {
        const reply = (await this.reader.xread('COUNT', 500, 'BLOCK', 1000, 'STREAMS', this.key('events'), this.lastEventId)) as Array<[string, Array<[string, string[]]>]> | null;
        if (!reply) continue;
        for (const [, entries] of reply) {
          for (const [id, fields] of entries) {
            this.lastEventId = id;
            // Parsed only if a listener reads it: most instances have no entity listeners during bulk ingest.
            const text = fields[1];
            let parsed: EntityEvent | undefined;
            const message: BusMessage =
              fields[0] === 'e'
                ? {
                    get entity(): EntityEvent {
                      parsed ??= JSON.parse(text) as EntityEvent;
                      return parsed;
                    },
                  }
                : { kindsChanged: true };
            for (const listener of this.listeners) listener(message);
          }
        }
      } catch (error) {
        if (this.closed) return;
        this.options.logger.warn('Reading catalog events from Redis failed; retrying', { error: (error as Error).message });
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  /** The store's two connections, for `/readyz`. */
  health(): RedisConnectionHealth[] {
    return [
      { name: 'catalog', status: this.redis.status },
      { name: 'catalog-events', status: this.reader.status },
    ];
  }

  async loadKinds(): Promise<StoredKind[]> {
    const all = await this.redis.hgetall(this.key('kinds'));
    return Object.values(all).map((text) => JSON.parse(text) as StoredKind);
  }

  async saveKind(stored: StoredKind): Promise<void> {
    await this.redis.multi().hset(this.key('kinds'), stored.kind.id, JSON.stringify(stored)).xadd(this.key('events'), 'MAXLEN', '~', String(this.maxLen()), '*', 'k', '1').exec();
  }

  async deleteKind(id: string): Promise<void> {
    await this.redis.multi().hdel(this.key('kinds'), id).xadd(this.key('events'), 'MAXLEN', '~', String(this.maxLen()), '*', 'k', '1').exec();
  }

  private maxLen(): number {
    return this.options.streamMaxLength ?? 10_000;
  }

  async getMany(refs: string[]): Promise<Array<Entity | null>> {
    if (refs.length === 0) return [];
    const docs: Array<string | null> = [];
    for (let i = 0; i < refs.length; i += 1000) {
      docs.push(...(await this.redis.mget(refs.slice(i, i + 1000).map((ref) => this.key(`x|${ref}`)))));
    }
    return docs.map((doc) => (doc ? (JSON.parse(doc) as Entity) : null));
  }

  async getRaw(ref: string): Promise<Buffer | null> {
    return this.redis.getBuffer(this.key(`x|${ref}`));
  }

  async versions(refs: string[]): Promise<Array<number | null>> {
    if (refs.length === 0) return [];
    const out: Array<number | null> = [];
    for (let i = 0; i < refs.length; i += 1000) {
      const scores = (await this.redis.call('ZMSCORE', this.key('vers'), ...refs.slice(i, i + 1000))) as Array<string | null>;
      out.push(...scores.map((s) => (s === null ? null : Number(s))));
    }
    return out;
  }

  async deletedVersions(refs: string[]): Promise<Array<number | null>> {
    const out: Array<number | null> = [];
    for (let i = 0; i < refs.length; i += 1000) {
      const values = await this.redis.hmget(this.key('gone'), ...refs.slice(i, i + 1000));
      out.push(...values.map((v) => (v === null ? null : Number(v))));
    }
    return out;
  }

  async members(keys: string[]): Promise<string[][]> {
    if (keys.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.zrange(this.key(key), '0', '-1');
    const results = (await pipeline.exec()) ?? [];
    return results.map(([error, value]) => {
      if (error) throw error;
      return value as string[];
    });
  }

  async write(writes: EntityWrite[]): Promise<WriteOutcome[]> {
    const outcomes: WriteOutcome[] = new Array<WriteOutcome>(writes.length);
    // Batches of distinct refs (a ref written twice starts a new batch, so its writes stay in order).
    const batches: number[][] = [];
    let batch: number[] = [];
    let refs = new Set<string>();
    writes.forEach((w, i) => {
      if (batch.length >= WRITES_PER_SCRIPT || refs.has(w.ref)) {
        batches.push(batch);
        batch = [];
        refs = new Set();
      }
      batch.push(i);
      refs.add(w.ref);
    });
    if (batch.length) batches.push(batch);
    // Batches are sent together; one that repeats a ref of a batch in flight waits for those
    // (a batch whose conflicts are dropped is sent again, so only batches of distinct refs commute).
    let inFlight: Array<Promise<void>> = [];
    let inFlightRefs = new Set<string>();
    for (const b of batches) {
      if (b.some((i) => inFlightRefs.has(writes[i].ref))) {
        await Promise.all(inFlight);
        inFlight = [];
        inFlightRefs = new Set();
      }
      inFlight.push(this.writeBatch(writes, b, outcomes));
      for (const i of b) inFlightRefs.add(writes[i].ref);
    }
    await Promise.all(inFlight);
    return outcomes;
  }

  /** One batch of distinct refs: sent until every write is applied or reported as a conflict. */
  private async writeBatch(writes: EntityWrite[], batch: number[], outcomes: WriteOutcome[]): Promise<void> {
    const writeScript = this.script('porticoWrite');
    const docs = batch.map((i) => (writes[i].entity ? JSON.stringify(writes[i].entity) : ''));
    const events = batch.map((i, j) => eventJson(writes[i], docs[j]));
    let pending = batch.map((_, j) => j);
    while (pending.length) {
      const removes = new Map<string, IndexEntry[]>();
      const adds = new Map<string, IndexEntry[]>();
      let capacity = 64;
      for (const j of pending) {
        const w = writes[batch[j]];
        capacity += 3 * (docs[j].length + events[j].length) + 100;
        groupByKey(w.remove, removes);
        groupByKey(w.add, adds);
      }
      const removeGroups = chunkCount(removes);
      const addGroups = chunkCount(adds);
      for (const [key, group] of removes) capacity += 3 * key.length + 50 + group.length * 64;
      for (const [key, group] of adds) capacity += 3 * key.length + 50 + group.length * 96;
      const packer = new StringPacker(capacity);
      packer.add(String(pending.length));
      packer.add(String(removeGroups));
      packer.add(String(addGroups));
      for (const j of pending) {
        const w = writes[batch[j]];
        packer.add(w.ref);
        // A restore is marked by an `r` after the expected version (see WRITE_SCRIPT).
        packer.add(w.restore ? `${w.expectedVersion}r` : String(w.expectedVersion));
        packer.add(w.entity ? String(w.entity.meta.version) : '0');
        packer.add(docs[j]);
        packer.add(events[j]);
      }
      packGroups(packer, removes, false);
      packGroups(packer, adds, true);
      const reply = (await writeScript(this.base, this.maxLen(), packer.finish())) as number[];
      if (reply[0] === 1) {
        for (const j of pending) outcomes[batch[j]] = 'ok';
        return;
      }
      // Nothing was written: the mismatched writes are conflicts, the others go again.
      const conflicted = new Set(reply.slice(1).map((position) => pending[position - 1]));
      for (const j of conflicted) outcomes[batch[j]] = 'conflict';
      pending = pending.filter((j) => !conflicted.has(j));
    }
  }

  /**
   * The query script picks the page (and counts, and facets) in one atomic step and returns the
   * catalog's write counter; one MGET then reads the page's documents and the counter again (far
   * cheaper for Redis than reading documents inside Lua). If a write landed in between, the query
   * runs again with the documents read inside the script, so a page never mixes two moments.
   */
  async query(query: StoreQuery): Promise<StoreQueryResult> {
    const { result, writeCounter } = await this.runQuery(query, true);
    if (result.page.length === 0) return result;
    const docs = await this.redis.mgetBuffer(...result.page.map((p) => this.key(`x|${p.ref}`)), this.key('wv'));
    const counter = docs.pop();
    if ((counter?.toString() ?? '0') === writeCounter && docs.every((doc) => doc !== null)) return { ...result, docs };
    return (await this.runQuery(query, false)).result;
  }

  private async runQuery(query: StoreQuery, docsAfter: boolean): Promise<{ result: StoreQueryResult; writeCounter: string }> {
    const options = { sortKey: query.sort.key, desc: query.sort.desc, cursor: query.cursor, limit: query.limit, facets: query.facets, docsAfter };
    // As bytes: the page's documents go to HTTP answers without a UTF-8 decode and re-encode.
    const reply = (await this.script('porticoQueryBuffer')(this.base, JSON.stringify(query.node), JSON.stringify(options))) as Array<Buffer | number | null>;
    const text = (value: Buffer | number | null): string => (value === null ? '' : value.toString());
    const total = Number(text(reply[0]));
    const hasMore = Number(text(reply[1])) === 1;
    const n = Number(text(reply[2]));
    const withScores = Number(text(reply[3])) === 1;
    const facetsRaw = JSON.parse(text(reply[4])) as Record<string, Record<string, number> | unknown[]>;
    const writeCounter = text(reply[5]);
    const first = 6;
    const page: Array<{ ref: string; score: string }> = [];
    for (let i = 0; i < n; i++) page.push({ ref: text(reply[first + i]), score: withScores ? text(reply[first + n + i]) : '0' });
    const docsStart = first + (withScores ? 2 * n : n);
    const docs: Array<Buffer | null> = [];
    if (!docsAfter) for (let i = 0; i < n; i++) docs.push(Buffer.isBuffer(reply[docsStart + i]) && (reply[docsStart + i] as Buffer).length > 0 ? (reply[docsStart + i] as Buffer) : null);
    const facets: Record<string, Record<string, number>> = {};
    // cjson encodes an empty table as {} or []: both mean no values.
    for (const [name, counts] of Object.entries(facetsRaw)) facets[name] = Array.isArray(counts) ? {} : counts;
    return { result: { total, page, hasMore, docs, facets }, writeCounter };
  }

  async candidates(node: PlanNode, max: number): Promise<{ count: number; refs: string[] | null }> {
    const reply = (await this.script('porticoCandidates')(this.base, JSON.stringify(node), max)) as Array<string | number>;
    const count = Number(reply[0]);
    return { count, refs: count > max ? null : (reply.slice(1) as string[]) };
  }

  async claimDueTimers(now: number, limit: number): Promise<DueTimer[]> {
    const reply = (await this.script('porticoClaimTimers')(this.base, now, limit)) as string[];
    const due: DueTimer[] = [];
    for (let i = 0; i < reply.length; i += 2) due.push({ member: reply[i], dueAt: Number(reply[i + 1]) });
    return due;
  }

  subscribe(listener: (message: BusMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Deletes every key of this catalog (tests, and `portico catalog reset`). */
  async destroyAll(): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.base.replace(/[*?[\]\\]/g, '\\$&')}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await this.redis.unlink(...keys);
    } while (cursor !== '0');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    this.reader.disconnect();
    await this.loop;
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

