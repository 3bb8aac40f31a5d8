import type { LoggerService } from '@portico/plugin-api';
import type { StateStore } from '../state/state-store';
import { GENESIS_HASH, hashOf, sealRecord, sha256, type AuditEvent, type AuditRecord } from './audit-record';
import { matchesQuery, parseCursor, parseTime, type AuditPage, type AuditQuery } from './audit-query';

/** @public */
export interface AuditLogOptions {
  state: StateStore;
  logger: LoggerService;
  /** Records older than this are dropped (default 365 days). */
  retentionDays?: number;
  /** The log's name in the state store (default `audit`). */
  log?: string;
  /** The clock (tests move it to prove retention). */
  now?: () => Date;
}

/**
 * What `verify()` found.
 * @public
 */
export interface AuditVerification {
  ok: boolean;
  /** How many records were checked. */
  checked: number;
  /** The first kept record (its prevHash is trusted once older ones were trimmed). */
  firstSeq?: number;
  lastSeq?: number;
  /** The first record that does not hold: changed, reordered or missing. */
  brokenAt?: number;
  reason?: string;
}

const PAGE = 500;
/** A filtered page reads at most this many records before answering with what it found and a cursor. */
const SCAN_BUDGET = 5000;
const TRIM_EVERY_MS = 60 * 60 * 1000;

/**
 * The tamper-evident audit log: every record carries the hash of the one before it, so
 * changing, removing or reordering a stored record breaks the chain at that record.
 * Appends are chained atomically by the state store across instances; this process also
 * queues its own appends so they do not race one another for the same tail.
 * @public
 */
export class AuditLog {
  private readonly state: StateStore;
  private readonly logger: LoggerService;
  private readonly log: string;
  private readonly now: () => Date;
  private readonly retentionMs: number;
  private tail: Promise<unknown> = Promise.resolve();
  private lastTrim = 0;

  constructor(options: AuditLogOptions) {
    this.state = options.state;
    this.logger = options.logger;
    this.log = options.log ?? 'audit';
    this.now = options.now ?? (() => new Date());
    this.retentionMs = (options.retentionDays ?? 365) * 24 * 60 * 60 * 1000;
  }

  /** Appends a record and returns it; throws when the store cannot take it. */
  append(event: AuditEvent): Promise<AuditRecord> {
    const appended = this.tail.then(async () => {
      let record: AuditRecord | undefined;
      await this.state.appendChained(this.log, (previous) => {
        record = sealRecord(event, (previous?.seq ?? 0) + 1, previous ? prevHashOf(previous.value) : GENESIS_HASH, this.now());
        return JSON.stringify(record);
      });
      return record as AuditRecord;
    });
    this.tail = appended.catch(() => undefined);
    void appended.then(() => this.trimIfDue()).catch(() => undefined);
    return appended;
  }

  /** Waits for this process's queued appends (before the store closes). */
  async flush(): Promise<void> {
    await this.tail;
  }

  /**
   * Records an event and never throws: auditing must not fail the request or the run it
   * describes, so a failed write is logged as an error for operators to see.
   */
  async record(event: AuditEvent): Promise<void> {
    try {
      await this.append(event);
    } catch (error) {
      this.logger.error('AUDIT RECORD LOST: the audit log could not be written', { action: event.action, actor: event.actor, target: event.target, requestId: event.requestId, error: (error as Error)?.message ?? String(error) });
    }
  }

  /** A page of records matching the query, newest first unless `order: 'oldest'`. */
  async list(query: AuditQuery = {}): Promise<AuditPage> {
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 500);
    const cursor = parseCursor(query.cursor);
    const from = parseTime(query.from, 'from');
    const to = parseTime(query.to, 'to');
    const items: AuditRecord[] = [];
    const filtered = Boolean(query.actor || query.action || query.target || query.outcome || from || to);
    let scanned = 0;
    if (query.order === 'oldest') {
      const last = await this.state.lastSeq(this.log);
      let after = cursor ?? 0;
      while (after < last && items.length < limit && scanned < SCAN_BUDGET) {
        const entries = await this.state.range(this.log, after, filtered ? PAGE : Math.min(PAGE, limit - items.length));
        if (entries.length === 0) break;
        for (const entry of entries) {
          after = entry.seq;
          scanned++;
          const record = parseRecord(entry.value);
          // Records are in time order: past `to` nothing more can match.
          if (record && to !== undefined && record.at > to) return { items, nextCursor: null };
          if (record && matchesQuery(record, query, from, to)) items.push(record);
          if (items.length === limit) break;
        }
      }
      return { items, nextCursor: after < last ? String(after) : null };
    }
    const first = (await this.state.range(this.log, 0, 1))[0]?.seq;
    if (first === undefined) return { items, nextCursor: null };
    // `below` is exclusive: the next record to read is below - 1.
    let below = Math.min(cursor ?? Number.MAX_SAFE_INTEGER, (await this.state.lastSeq(this.log)) + 1);
    while (below > first && items.length < limit && scanned < SCAN_BUDGET) {
      const start = Math.max(first, below - PAGE);
      const entries = await this.state.range(this.log, start - 1, below - start);
      for (const entry of entries.reverse()) {
        below = entry.seq;
        scanned++;
        const record = parseRecord(entry.value);
        if (record && from !== undefined && record.at < from) return { items, nextCursor: null };
        if (record && matchesQuery(record, query, from, to)) items.push(record);
        if (items.length === limit) break;
      }
      if (entries.length === 0) below = start;
    }
    return { items, nextCursor: below > first ? String(below) : null };
  }

  /** Every matching record, oldest first, a page at a time (the export). */
  async *all(query: Omit<AuditQuery, 'order' | 'cursor' | 'limit'> = {}): AsyncGenerator<AuditRecord> {
    let cursor: string | undefined;
    do {
      const page = await this.list({ ...query, order: 'oldest', cursor, limit: 500 });
      yield* page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  /**
   * Walks the chain from the first kept record (whose prevHash is trusted, as retention
   * trimmed what it points to) to the newest, and reports the first record that does not hold.
   */
  async verify(): Promise<AuditVerification> {
    const lastSeq = await this.state.lastSeq(this.log);
    let checked = 0;
    let previous: { seq: number; hash: string } | null = null;
    let firstSeq: number | undefined;
    let after = 0;
    for (;;) {
      const entries = await this.state.range(this.log, after, PAGE);
      if (entries.length === 0) break;
      for (const entry of entries) {
        after = entry.seq;
        firstSeq ??= entry.seq;
        const broken = (reason: string): AuditVerification => ({ ok: false, checked, firstSeq, lastSeq, brokenAt: entry.seq, reason });
        if (previous && entry.seq !== previous.seq + 1) return { ...broken(`records ${previous.seq + 1} to ${entry.seq - 1} are missing`), brokenAt: previous.seq + 1 };
        const record = parseRecord(entry.value);
        if (!record) return broken('the stored record is not an audit record');
        if (record.seq !== entry.seq) return broken(`the record says it is number ${record.seq}`);
        if (hashOf(record) !== record.hash) return broken('the record was changed after it was written (its hash does not match its content)');
        const expectedPrev = previous?.hash ?? (entry.seq === 1 ? GENESIS_HASH : record.prevHash);
        if (record.prevHash !== expectedPrev) return broken(previous ? `it does not follow record ${previous.seq} (prevHash differs)` : 'the first record does not start the chain');
        previous = { seq: entry.seq, hash: record.hash };
        checked++;
      }
    }
    if (previous && previous.seq < lastSeq) return { ok: false, checked, firstSeq, lastSeq, brokenAt: previous.seq + 1, reason: `records ${previous.seq + 1} to ${lastSeq} are missing` };
    return { ok: true, checked, ...(firstSeq !== undefined ? { firstSeq, lastSeq } : {}) };
  }

  /** Drops records older than the retention period; returns how many. */
  async trimExpired(): Promise<number> {
    const cutoff = new Date(this.now().getTime() - this.retentionMs).toISOString();
    let upto = 0;
    let dropped = 0;
    for (;;) {
      const entries = await this.state.range(this.log, upto, PAGE);
      // Records are in time order: the first one inside the period ends the scan.
      const firstKept = entries.findIndex((entry) => (parseRecord(entry.value)?.at ?? '') >= cutoff);
      const expired = firstKept === -1 ? entries : entries.slice(0, firstKept);
      if (expired.length === 0) break;
      upto = expired[expired.length - 1].seq;
      dropped += expired.length;
      if (firstKept !== -1) break;
    }
    if (upto > 0) await this.state.trim(this.log, upto);
    return dropped;
  }

  private async trimIfDue(): Promise<void> {
    const now = this.now().getTime();
    if (now - this.lastTrim < TRIM_EVERY_MS) return;
    this.lastTrim = now;
    try {
      const dropped = await this.trimExpired();
      if (dropped > 0) this.logger.info('audit records past retention dropped', { dropped });
    } catch (error) {
      this.logger.warn('could not trim the audit log', { error: (error as Error)?.message ?? String(error) });
    }
  }
}

function parseRecord(value: string): AuditRecord | null {
  try {
    const record = JSON.parse(value) as AuditRecord;
    return record && typeof record === 'object' && typeof record.hash === 'string' ? record : null;
  } catch {
    return null;
  }
}

/** The hash the next record points to; a mangled previous record still gets a stable one. */
function prevHashOf(value: string): string {
  return parseRecord(value)?.hash ?? sha256(value);
}
