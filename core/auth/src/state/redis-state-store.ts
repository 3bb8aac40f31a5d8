import type { Redis } from 'ioredis';
import type { StateStore } from './state-store';

/** Appends entry `seq` only if the log's last sequence is still `seq - 1` (another instance may have won). */
const APPEND_IF_LAST = `
local last = tonumber(redis.call('HGET', KEYS[1], 'last') or '0')
if last ~= tonumber(ARGV[1]) - 1 then return 0 end
redis.call('HSET', KEYS[1], 'last', ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
return 1`;

/**
 * The state store on Redis, shared by every portal instance. Values are strings under
 * `<prefix>state:<key>`; a log is a hash of entries by sequence number plus a hash with
 * its `first` kept and `last` written sequence.
 * @public
 */
export class RedisStateStore implements StateStore {
  private readonly prefix: string;

  constructor(
    private readonly redis: Redis,
    keyPrefix: string,
  ) {
    this.prefix = `${keyPrefix}state:`;
    redis.defineCommand('porticoStateAppend', { numberOfKeys: 2, lua: APPEND_IF_LAST });
  }

  async get(key: string): Promise<string | null> {
    return this.redis.get(this.prefix + key);
  }

  async set(key: string, value: string, options: { ttlMs?: number } = {}): Promise<void> {
    if (options.ttlMs) await this.redis.set(this.prefix + key, value, 'PX', Math.max(1, Math.round(options.ttlMs)));
    else await this.redis.set(this.prefix + key, value);
  }

  async setIfAbsent(key: string, value: string): Promise<boolean> {
    return (await this.redis.set(this.prefix + key, value, 'NX')) === 'OK';
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async keys(prefix: string): Promise<string[]> {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`, 'COUNT', 500);
      cursor = next;
      for (const key of batch) found.push(key.slice(this.prefix.length));
    } while (cursor !== '0');
    return [...new Set(found)].sort();
  }

  private logKeys(log: string): [string, string] {
    return [`${this.prefix}log:${log}:meta`, `${this.prefix}log:${log}:entries`];
  }

  async appendChained(log: string, build: (previous: { seq: number; value: string } | null) => string): Promise<{ seq: number; value: string }> {
    const [meta, entries] = this.logKeys(log);
    for (;;) {
      const last = Number((await this.redis.hget(meta, 'last')) ?? 0);
      const previousValue = last > 0 ? await this.redis.hget(entries, String(last)) : null;
      const value = build(last > 0 && previousValue !== null ? { seq: last, value: previousValue } : last > 0 ? { seq: last, value: (await this.redis.hget(meta, 'lastValue')) ?? '' } : null);
      const seq = last + 1;
      const done = await (this.redis as unknown as { porticoStateAppend(...args: unknown[]): Promise<number> }).porticoStateAppend(meta, entries, String(seq), value);
      if (done === 1) return { seq, value };
    }
  }

  async lastSeq(log: string): Promise<number> {
    return Number((await this.redis.hget(this.logKeys(log)[0], 'last')) ?? 0);
  }

  async range(log: string, afterSeq: number, limit: number): Promise<Array<{ seq: number; value: string }>> {
    const [meta, entries] = this.logKeys(log);
    const [lastRaw, firstRaw] = await this.redis.hmget(meta, 'last', 'first');
    const last = Number(lastRaw ?? 0);
    const from = Math.max(afterSeq + 1, Number(firstRaw ?? 1));
    const to = Math.min(last, from + limit - 1);
    if (to < from) return [];
    const seqs = Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
    const values = await this.redis.hmget(entries, ...seqs);
    return seqs.flatMap((seq, i) => (values[i] === null ? [] : [{ seq: Number(seq), value: values[i] as string }]));
  }

  async overwrite(log: string, seq: number, value: string): Promise<void> {
    const [, entries] = this.logKeys(log);
    if (await this.redis.hexists(entries, String(seq))) await this.redis.hset(entries, String(seq), value);
  }

  async trim(log: string, uptoSeq: number): Promise<void> {
    const [meta, entries] = this.logKeys(log);
    const [lastRaw, firstRaw] = await this.redis.hmget(meta, 'last', 'first');
    const last = Number(lastRaw ?? 0);
    const first = Number(firstRaw ?? 1);
    const upto = Math.min(uptoSeq, last);
    if (upto < first) return;
    // The newest entry's value stays in meta so the chain continues after trimming everything.
    if (upto === last) await this.redis.hset(meta, 'lastValue', (await this.redis.hget(entries, String(last))) ?? '');
    for (let start = first; start <= upto; start += 1000) {
      const seqs = Array.from({ length: Math.min(1000, upto - start + 1) }, (_, i) => String(start + i));
      await this.redis.hdel(entries, ...seqs);
    }
    await this.redis.hset(meta, 'first', String(upto + 1));
  }

  async close(): Promise<void> {}
}
