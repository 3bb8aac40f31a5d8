import { EventEmitter } from 'node:events';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isTerminalStatus, type Run } from '@portico/plugin-api';
import type { CreateRunOptions, DefinitionNamespace, NewRunLogEntry, RunListFilter, RunLogEntry, RunStore, StoredDefinition, StoredRun } from './run-store';

type JournalRecord =
  | { t: 'run'; run: Run; rev: number; idem?: string }
  | { t: 'log'; runId: string; entry: RunLogEntry }
  | { t: 'definition'; ns: DefinitionNamespace; id: string; record: StoredDefinition | null };

/**
 * Embedded run store: everything in memory, and when `dataDir` is set every change is
 * appended to `runs.jsonl` (a journal replayed at start), so a restart keeps runs and logs.
 * Secret inputs are never written to the journal.
 */
export class MemoryRunStore implements RunStore {
  private readonly runs = new Map<string, StoredRun>();
  private readonly logs = new Map<string, RunLogEntry[]>();
  private readonly idempotency = new Map<string, string>();
  private readonly secrets = new Map<string, Record<string, unknown>>();
  private readonly definitions = { actions: new Map<string, StoredDefinition>(), automations: new Map<string, StoredDefinition>() };
  private readonly events = new EventEmitter();
  private readonly journal: string | null;
  private logSeq = 0;

  constructor(options: { dataDir?: string } = {}) {
    this.events.setMaxListeners(0);
    this.journal = options.dataDir ? join(options.dataDir, 'runs.jsonl') : null;
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    if (this.journal && existsSync(this.journal)) this.replay(readFileSync(this.journal, 'utf8'));
  }

  private replay(text: string): void {
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      let record: JournalRecord;
      try {
        record = JSON.parse(line) as JournalRecord;
      } catch {
        continue; // a torn last line from a crash mid-write
      }
      if (record.t === 'run') {
        this.runs.set(record.run.id, { run: record.run, rev: record.rev });
        if (record.idem) this.idempotency.set(record.idem, record.run.id);
      } else if (record.t === 'log') {
        const list = this.logs.get(record.runId) ?? [];
        list.push(record.entry);
        this.logs.set(record.runId, list);
        this.logSeq = Math.max(this.logSeq, Number(record.entry.id.split('-')[1] ?? 0));
      } else if (record.t === 'definition') {
        if (record.record) this.definitions[record.ns].set(record.id, record.record);
        else this.definitions[record.ns].delete(record.id);
      }
    }
  }

  private write(record: JournalRecord): void {
    if (this.journal) appendFileSync(this.journal, `${JSON.stringify(record)}\n`);
  }

  private clone(run: Run): Run {
    return structuredClone(run);
  }

  async create(run: Run, options: CreateRunOptions = {}): Promise<{ run: Run; created: boolean }> {
    const idem = options.idempotencyKey ? `${run.actionId}:${options.idempotencyKey}` : undefined;
    if (idem) {
      const existing = this.idempotency.get(idem);
      if (existing) return { run: this.clone(this.runs.get(existing)!.run), created: false };
      this.idempotency.set(idem, run.id);
    }
    this.runs.set(run.id, { run: this.clone(run), rev: 1 });
    if (options.secretInputs && Object.keys(options.secretInputs).length > 0) this.secrets.set(run.id, options.secretInputs);
    this.write({ t: 'run', run, rev: 1, idem });
    return { run: this.clone(run), created: true };
  }

  async get(id: string): Promise<StoredRun | null> {
    const stored = this.runs.get(id);
    return stored ? { run: this.clone(stored.run), rev: stored.rev } : null;
  }

  async replace(previous: StoredRun, next: Run): Promise<boolean> {
    const current = this.runs.get(next.id);
    if (!current || current.rev !== previous.rev) return false;
    const stored = { run: this.clone(next), rev: current.rev + 1 };
    this.runs.set(next.id, stored);
    this.write({ t: 'run', run: next, rev: stored.rev });
    if (isTerminalStatus(next.status) && !isTerminalStatus(previous.run.status)) {
      this.secrets.delete(next.id);
      this.push(next.id, { at: new Date().toISOString(), type: 'end', level: next.status === 'succeeded' ? 'info' : 'warn', message: `Run ended: ${next.status}`, fields: { status: next.status } });
    }
    return true;
  }

  async list(filter: RunListFilter): Promise<{ items: Run[]; nextCursor: string | null }> {
    const ids = [...this.runs.keys()].sort().reverse();
    const items: Run[] = [];
    for (const id of ids) {
      if (filter.cursor && id >= filter.cursor) continue;
      const run = this.runs.get(id)!.run;
      if (filter.actionId && run.actionId !== filter.actionId) continue;
      if (filter.status && run.status !== filter.status) continue;
      if (filter.actor && run.actor !== filter.actor) continue;
      if (filter.entity && (run.entity?.kind !== filter.entity.kind || run.entity?.id !== filter.entity.id)) continue;
      if (items.length === filter.limit) return { items, nextCursor: items[items.length - 1].id };
      items.push(this.clone(run));
    }
    return { items, nextCursor: null };
  }

  async getSecretInputs(id: string): Promise<Record<string, unknown>> {
    return { ...(this.secrets.get(id) ?? {}) };
  }

  async deleteSecretInputs(id: string): Promise<void> {
    this.secrets.delete(id);
  }

  private push(id: string, entry: NewRunLogEntry): string {
    const full: RunLogEntry = { ...entry, id: `${Date.now()}-${++this.logSeq}` };
    const list = this.logs.get(id) ?? [];
    list.push(full);
    this.logs.set(id, list);
    this.write({ t: 'log', runId: id, entry: full });
    this.events.emit(`log:${id}`);
    return full.id;
  }

  async appendLog(id: string, entry: NewRunLogEntry): Promise<string | null> {
    const stored = this.runs.get(id);
    if (!stored || isTerminalStatus(stored.run.status)) return null;
    return this.push(id, entry);
  }

  async readLogs(id: string, options: { after?: string; limit?: number } = {}): Promise<RunLogEntry[]> {
    const list = this.logs.get(id) ?? [];
    const start = options.after ? list.findIndex((e) => e.id === options.after) + 1 : 0;
    return list.slice(start, start + (options.limit ?? 10_000));
  }

  async waitLogs(id: string, after: string, waitMs: number, signal: AbortSignal): Promise<RunLogEntry[]> {
    const ready = await this.readLogs(id, { after });
    if (ready.length > 0 || signal.aborted) return ready;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.events.off(`log:${id}`, done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      this.events.on(`log:${id}`, done);
      signal.addEventListener('abort', done, { once: true });
    });
    return this.readLogs(id, { after });
  }

  async publishCancel(id: string): Promise<void> {
    this.events.emit('cancel', id);
  }

  onCancel(listener: (id: string) => void): () => void {
    this.events.on('cancel', listener);
    return () => this.events.off('cancel', listener);
  }

  async saveDefinition(ns: DefinitionNamespace, id: string, record: StoredDefinition): Promise<void> {
    this.definitions[ns].set(id, record);
    this.write({ t: 'definition', ns, id, record });
  }

  async deleteDefinition(ns: DefinitionNamespace, id: string): Promise<void> {
    this.definitions[ns].delete(id);
    this.write({ t: 'definition', ns, id, record: null });
  }

  async listDefinitions(ns: DefinitionNamespace): Promise<StoredDefinition[]> {
    return [...this.definitions[ns].values()];
  }

  async close(): Promise<void> {
    this.events.removeAllListeners();
  }
}
