import { isTerminalStatus, TERMINAL_RUN_STATUSES, type Run } from '@portico/plugin-api';
import { Redis } from 'ioredis';
import { redisOptions, type RedisConnectionHealth } from '@portico/http';
import type { CreateRunOptions, DefinitionNamespace, NewRunLogEntry, RunListFilter, RunLogEntry, RunStore, StoredDefinition, StoredRun } from './run-store';

const CREATE = `
if KEYS[2] ~= '' then
  local existing = redis.call('GET', KEYS[2])
  if existing then return existing end
  redis.call('SET', KEYS[2], ARGV[1])
end
redis.call('HSET', KEYS[1], 'data', ARGV[2], 'rev', 1, 'status', ARGV[3])
for i = 3, #KEYS - 1 do
  if KEYS[i] ~= '' then redis.call('ZADD', KEYS[i], 0, ARGV[1]) end
end
if ARGV[4] ~= '' then redis.call('SET', KEYS[#KEYS], ARGV[4], 'EX', 604800) end
return ARGV[1]`;

// KEYS: run, old status index, new status index, log stream, secrets; ARGV: rev, data, status, id, end entry
const REPLACE = `
local rev = redis.call('HGET', KEYS[1], 'rev')
if (not rev) or rev ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'data', ARGV[2], 'rev', tonumber(rev) + 1, 'status', ARGV[3])
if KEYS[2] ~= KEYS[3] then
  redis.call('ZREM', KEYS[2], ARGV[4])
  redis.call('ZADD', KEYS[3], 0, ARGV[4])
end
if ARGV[5] ~= '' then
  redis.call('XADD', KEYS[4], '*', 'e', ARGV[5])
  redis.call('DEL', KEYS[5])
end
return 1`;

const APPEND = `
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return false end
${TERMINAL_RUN_STATUSES.map((s) => `if status == '${s}' then return false end`).join('\n')}
return redis.call('XADD', KEYS[2], '*', 'e', ARGV[1])`;

function parseEntries(raw: Array<[string, string[]]> | null | undefined): RunLogEntry[] {
  return (raw ?? []).map(([id, fields]) => ({ ...(JSON.parse(fields[1]) as NewRunLogEntry), id }));
}

export interface RedisRunStoreOptions {
  redisUrl: string;
  keyPrefix: string;
}

/**
 * Runs in Redis: one hash per run (JSON, revision, status), lexicographic sorted sets of run
 * ids as indexes (ids sort by time), a Stream per run for its log, Pub/Sub for cancellation.
 */
export class RedisRunStore implements RunStore {
  private readonly redis: Redis;
  private subscriber: Redis | null = null;
  private readonly cancelListeners = new Set<(id: string) => void>();
  private readonly waiters = new Set<Redis>();
  private readonly p: string;

  constructor(options: RedisRunStoreOptions) {
    this.p = options.keyPrefix;
    // Reconnects forever; while Redis is away, requests fail at once (503) instead of queueing.
    this.redis = new Redis(options.redisUrl, redisOptions('requests'));
    this.redis.on('error', () => undefined);
  }

  /** Connects before first use: a request connection does not queue commands while connecting. */
  async connect(): Promise<void> {
    await this.redis.connect();
  }

  health(): RedisConnectionHealth[] {
    return [{ name: 'runs', status: this.redis.status }, ...(this.subscriber ? [{ name: 'runs-cancel', status: this.subscriber.status }] : [])];
  }

  private runKey(id: string): string {
    return `${this.p}run:${id}`;
  }
  private logKey(id: string): string {
    return `${this.p}run:${id}:log`;
  }
  private secretsKey(id: string): string {
    return `${this.p}run:${id}:secrets`;
  }
  private index(name: string): string {
    return `${this.p}runs:idx:${name}`;
  }

  async create(run: Run, options: CreateRunOptions = {}): Promise<{ run: Run; created: boolean }> {
    const keys = [
      this.runKey(run.id),
      options.idempotencyKey ? `${this.p}runs:idem:${run.actionId}:${options.idempotencyKey}` : '',
      this.index('all'),
      this.index(`action:${run.actionId}`),
      this.index(`actor:${run.actor}`),
      this.index(`status:${run.status}`),
      run.entity ? this.index(`entity:${run.entity.kind}:${run.entity.id}`) : '',
      this.secretsKey(run.id),
    ];
    const secrets = options.secretInputs && Object.keys(options.secretInputs).length > 0 ? JSON.stringify(options.secretInputs) : '';
    const id = (await this.redis.eval(CREATE, keys.length, ...keys, run.id, JSON.stringify(run), run.status, secrets)) as string;
    if (id === run.id) return { run, created: true };
    const existing = await this.get(id);
    if (!existing) throw new Error(`Run ${id} named by an idempotency key is missing`);
    return { run: existing.run, created: false };
  }

  async get(id: string): Promise<StoredRun | null> {
    const [data, rev] = await this.redis.hmget(this.runKey(id), 'data', 'rev');
    if (!data || !rev) return null;
    return { run: JSON.parse(data) as Run, rev: Number(rev) };
  }

  async replace(previous: StoredRun, next: Run): Promise<boolean> {
    const ended = isTerminalStatus(next.status) && !isTerminalStatus(previous.run.status);
    const end: NewRunLogEntry | null = ended
      ? { at: new Date().toISOString(), type: 'end', level: next.status === 'succeeded' ? 'info' : 'warn', message: `Run ended: ${next.status}`, fields: { status: next.status } }
      : null;
    const keys = [this.runKey(next.id), this.index(`status:${previous.run.status}`), this.index(`status:${next.status}`), this.logKey(next.id), this.secretsKey(next.id)];
    const done = await this.redis.eval(REPLACE, keys.length, ...keys, String(previous.rev), JSON.stringify(next), next.status, next.id, end ? JSON.stringify(end) : '');
    return done === 1;
  }

  async list(filter: RunListFilter): Promise<{ items: Run[]; nextCursor: string | null }> {
    const index = filter.entity
      ? this.index(`entity:${filter.entity.kind}:${filter.entity.id}`)
      : filter.actionId
        ? this.index(`action:${filter.actionId}`)
        : filter.status
          ? this.index(`status:${filter.status}`)
          : filter.actor
            ? this.index(`actor:${filter.actor}`)
            : this.index('all');
    const items: Run[] = [];
    let from = filter.cursor ? `(${filter.cursor}` : '+';
    let last: string | null = null;
    // Page through the chosen index and apply the other filters on the runs read.
    for (;;) {
      const ids = await this.redis.zrange(index, from, '-', 'BYLEX', 'REV', 'LIMIT', 0, filter.limit * 2);
      if (ids.length === 0) return { items, nextCursor: null };
      for (const id of ids) {
        last = id;
        const stored = await this.get(id);
        if (!stored) continue;
        const run = stored.run;
        if (filter.actionId && run.actionId !== filter.actionId) continue;
        if (filter.status && run.status !== filter.status) continue;
        if (filter.actor && run.actor !== filter.actor) continue;
        if (filter.entity && (run.entity?.kind !== filter.entity.kind || run.entity?.id !== filter.entity.id)) continue;
        items.push(run);
        if (items.length === filter.limit) {
          const more = await this.redis.zrange(index, `(${id}`, '-', 'BYLEX', 'REV', 'LIMIT', 0, 1);
          return { items, nextCursor: more.length > 0 ? id : null };
        }
      }
      from = `(${last}`;
    }
  }

  async getSecretInputs(id: string): Promise<Record<string, unknown>> {
    const raw = await this.redis.get(this.secretsKey(id));
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  }

  async deleteSecretInputs(id: string): Promise<void> {
    await this.redis.del(this.secretsKey(id));
  }

  async appendLog(id: string, entry: NewRunLogEntry): Promise<string | null> {
    const result = await this.redis.eval(APPEND, 2, this.runKey(id), this.logKey(id), JSON.stringify(entry));
    return (result as string | null) ?? null;
  }

  async readLogs(id: string, options: { after?: string; limit?: number } = {}): Promise<RunLogEntry[]> {
    const start = options.after ? `(${options.after}` : '-';
    const raw = (await this.redis.xrange(this.logKey(id), start, '+', 'COUNT', options.limit ?? 10_000)) as Array<[string, string[]]>;
    return parseEntries(raw);
  }

  async waitLogs(id: string, after: string, waitMs: number, signal: AbortSignal): Promise<RunLogEntry[]> {
    // XREAD BLOCK holds its connection, so each waiting tail gets its own.
    const reader = this.redis.duplicate(redisOptions('blocking'));
    reader.on('error', () => undefined);
    this.waiters.add(reader);
    const abort = (): void => reader.disconnect();
    signal.addEventListener('abort', abort, { once: true });
    try {
      const result = (await reader.xread('BLOCK', waitMs, 'STREAMS', this.logKey(id), after || '0')) as Array<[string, Array<[string, string[]]>]> | null;
      return parseEntries(result?.[0]?.[1]);
    } catch (error) {
      if (signal.aborted) return [];
      throw error;
    } finally {
      signal.removeEventListener('abort', abort);
      this.waiters.delete(reader);
      reader.disconnect();
    }
  }

  async publishCancel(id: string): Promise<void> {
    await this.redis.publish(`${this.p}runs:cancel`, id);
  }

  onCancel(listener: (id: string) => void): () => void {
    this.cancelListeners.add(listener);
    if (!this.subscriber) {
      this.subscriber = this.redis.duplicate(redisOptions('blocking'));
      this.subscriber.on('error', () => undefined);
      this.subscriber.on('message', (_channel: string, id: string) => {
        for (const l of this.cancelListeners) l(id);
      });
      void this.subscriber.subscribe(`${this.p}runs:cancel`).catch(() => undefined);
    }
    return () => this.cancelListeners.delete(listener);
  }

  async saveDefinition(namespace: DefinitionNamespace, id: string, record: StoredDefinition): Promise<void> {
    await this.redis.hset(`${this.p}${namespace}`, id, JSON.stringify(record));
  }

  async deleteDefinition(namespace: DefinitionNamespace, id: string): Promise<void> {
    await this.redis.hdel(`${this.p}${namespace}`, id);
  }

  async listDefinitions(namespace: DefinitionNamespace): Promise<StoredDefinition[]> {
    const all = await this.redis.hgetall(`${this.p}${namespace}`);
    return Object.values(all).map((v) => JSON.parse(v) as StoredDefinition);
  }

  async close(): Promise<void> {
    for (const w of this.waiters) w.disconnect();
    this.subscriber?.disconnect();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
