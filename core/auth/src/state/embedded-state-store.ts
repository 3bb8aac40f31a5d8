import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { StateStore } from './state-store';

interface LogState {
  entries: Array<{ seq: number; value: string }>;
  /** The newest entry, kept even when retention trimmed it, so the chain and sequence go on. */
  last: { seq: number; value: string } | null;
}

type Change =
  | { op: 'set'; key: string; value: string; expiresAt?: number }
  | { op: 'del'; key: string }
  | { op: 'log'; log: string; seq: number; value: string }
  | { op: 'trim'; log: string; upto: number };

/**
 * The state store of a portal without Redis: in memory, with every change appended to
 * `state.jsonl` in the data folder (written before the call returns), replayed at start
 * and compacted when the journal is mostly history. One process owns the folder.
 * @public
 */
export class EmbeddedStateStore implements StateStore {
  private readonly values = new Map<string, { value: string; expiresAt?: number }>();
  private readonly logs = new Map<string, LogState>();
  private readonly file: string | null;
  private journalLines = 0;

  constructor(options: { dataDir?: string } = {}) {
    this.file = options.dataDir ? join(options.dataDir, 'state.jsonl') : null;
    if (!this.file || !options.dataDir) return;
    mkdirSync(options.dataDir, { recursive: true });
    if (existsSync(this.file)) {
      for (const line of readFileSync(this.file, 'utf8').split('\n')) {
        if (!line) continue;
        try {
          this.apply(JSON.parse(line) as Change);
          this.journalLines++;
        } catch {
          // A torn last line was never acknowledged: skip it.
        }
      }
    }
    if (this.journalLines > 1000 && this.journalLines > 4 * this.liveEntries()) this.compact();
  }

  private liveEntries(): number {
    let n = this.values.size;
    for (const state of this.logs.values()) n += state.entries.length;
    return n;
  }

  private apply(change: Change): void {
    if (change.op === 'set') this.values.set(change.key, { value: change.value, expiresAt: change.expiresAt });
    else if (change.op === 'del') this.values.delete(change.key);
    else if (change.op === 'log') {
      const state = this.log(change.log);
      const at = state.entries.findIndex((e) => e.seq === change.seq);
      if (at === -1) state.entries.push({ seq: change.seq, value: change.value });
      else state.entries[at] = { seq: change.seq, value: change.value };
      if (!state.last || change.seq >= state.last.seq) state.last = { seq: change.seq, value: change.value };
    } else {
      const state = this.log(change.log);
      state.entries = state.entries.filter((e) => e.seq > change.upto);
    }
  }

  private log(name: string): LogState {
    let state = this.logs.get(name);
    if (!state) this.logs.set(name, (state = { entries: [], last: null }));
    return state;
  }

  private write(change: Change): void {
    this.apply(change);
    if (!this.file) return;
    appendFileSync(this.file, JSON.stringify(change) + '\n');
    this.journalLines++;
  }

  private compact(): void {
    if (!this.file) return;
    const lines: string[] = [];
    for (const [key, entry] of this.values) if (!this.expired(entry)) lines.push(JSON.stringify({ op: 'set', key, ...entry }));
    for (const [log, state] of this.logs) {
      for (const e of state.entries) lines.push(JSON.stringify({ op: 'log', log, seq: e.seq, value: e.value }));
      // A trimmed-away last entry is written back then trimmed, so the sequence resumes after it.
      if (state.last && !state.entries.some((e) => e.seq === state.last!.seq)) {
        lines.push(JSON.stringify({ op: 'log', log, seq: state.last.seq, value: state.last.value }), JSON.stringify({ op: 'trim', log, upto: state.last.seq }));
      }
    }
    writeFileSync(`${this.file}.compact`, lines.join('\n') + (lines.length ? '\n' : ''));
    renameSync(`${this.file}.compact`, this.file);
    this.journalLines = lines.length;
  }

  private expired(entry: { expiresAt?: number }): boolean {
    return entry.expiresAt !== undefined && entry.expiresAt <= Date.now();
  }

  async get(key: string): Promise<string | null> {
    const entry = this.values.get(key);
    if (!entry) return null;
    if (this.expired(entry)) {
      this.write({ op: 'del', key });
      return null;
    }
    return entry.value;
  }

  async set(key: string, value: string, options: { ttlMs?: number } = {}): Promise<void> {
    this.write({ op: 'set', key, value, ...(options.ttlMs ? { expiresAt: Date.now() + options.ttlMs } : {}) });
  }

  async setIfAbsent(key: string, value: string): Promise<boolean> {
    if ((await this.get(key)) !== null) return false;
    await this.set(key, value);
    return true;
  }

  async delete(key: string): Promise<void> {
    if (this.values.has(key)) this.write({ op: 'del', key });
  }

  async keys(prefix: string): Promise<string[]> {
    const found: string[] = [];
    for (const [key, entry] of this.values) if (key.startsWith(prefix) && !this.expired(entry)) found.push(key);
    return found.sort();
  }

  async appendChained(log: string, build: (previous: { seq: number; value: string } | null) => string): Promise<{ seq: number; value: string }> {
    const previous = this.log(log).last;
    const entry = { seq: (previous?.seq ?? 0) + 1, value: build(previous) };
    this.write({ op: 'log', log, ...entry });
    return entry;
  }

  async lastSeq(log: string): Promise<number> {
    return this.log(log).last?.seq ?? 0;
  }

  async range(log: string, afterSeq: number, limit: number): Promise<Array<{ seq: number; value: string }>> {
    return this.log(log).entries.filter((e) => e.seq > afterSeq).slice(0, limit);
  }

  async overwrite(log: string, seq: number, value: string): Promise<void> {
    if (this.log(log).entries.some((e) => e.seq === seq)) this.write({ op: 'log', log, seq, value });
  }

  async trim(log: string, uptoSeq: number): Promise<void> {
    this.write({ op: 'trim', log, upto: uptoSeq });
  }

  async close(): Promise<void> {}
}
