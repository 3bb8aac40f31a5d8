import type { Redis } from 'ioredis';
import { NotFoundError, type EntityRef, type FullSyncReport } from '@portico/plugin-api';

/** A provider's full sync whose deletions were held back (more than its `maxDeleteShare`). */
export interface HeldBackSync {
  source: string;
  at: string;
  deletions: number;
  share: number;
  maxDeleteShare: number;
  /** The first 100 entities it would delete. */
  examples: EntityRef[];
  /** Set once an operator approved it: the source's next full sync deletes them. */
  approval?: { by: string; at: string; expiresAt: string };
}

/** How long an approval waits for the source's next sync. */
const APPROVAL_TTL_SECONDS = 24 * 60 * 60;

/**
 * The operator's override for held-back full syncs: each held-back sync is recorded per
 * source, and an approval lets that source's next full sync delete beyond its share, once.
 * On Redis every instance sees both (the sync may run on any of them); the embedded
 * store has one process, which keeps them in memory.
 */
export class FullSyncApprovals {
  private readonly heldBack = new Map<string, HeldBackSync>();
  private readonly approvals = new Map<string, NonNullable<HeldBackSync['approval']>>();

  constructor(private readonly options: { redis?: Redis; keyPrefix: string }) {}

  private key(name: string): string {
    return `${this.options.keyPrefix}{kernel}:full-sync:${name}`;
  }

  /** What the sync's report says: held back (recorded), or not (any record of that source cleared). */
  async recordReport(report: FullSyncReport): Promise<void> {
    const { redis } = this.options;
    if (!report.heldBack) {
      if (redis) await redis.hdel(this.key('held-back'), report.source);
      else this.heldBack.delete(report.source);
      return;
    }
    const held: HeldBackSync = { source: report.source, at: new Date().toISOString(), deletions: report.heldBack.refs.length, share: report.heldBack.share, maxDeleteShare: report.heldBack.maxDeleteShare, examples: report.heldBack.refs.slice(0, 100) };
    if (redis) await redis.hset(this.key('held-back'), report.source, JSON.stringify(held));
    else this.heldBack.set(report.source, held);
  }

  async list(): Promise<HeldBackSync[]> {
    const { redis } = this.options;
    const held = redis ? Object.values(await redis.hgetall(this.key('held-back'))).map((text) => JSON.parse(text) as HeldBackSync) : [...this.heldBack.values()];
    const out: HeldBackSync[] = [];
    for (const sync of held.sort((a, b) => (a.source < b.source ? -1 : 1))) {
      const approval = redis ? await redis.get(this.key(`approval:${sync.source}`)) : this.approvals.get(sync.source);
      out.push({ ...sync, ...(approval ? { approval: typeof approval === 'string' ? JSON.parse(approval) : approval } : {}) });
    }
    return out;
  }

  /** Approves the held-back sync of `source`: its next full sync may delete beyond its share. */
  async approve(source: string, by: string): Promise<HeldBackSync> {
    const held = (await this.list()).find((s) => s.source === source);
    if (!held) throw new NotFoundError(`No full sync of "${source}" is held back: there is nothing to approve (GET /api/v1/admin/full-syncs lists the held-back ones).`);
    const now = Date.now();
    const approval = { by, at: new Date(now).toISOString(), expiresAt: new Date(now + APPROVAL_TTL_SECONDS * 1000).toISOString() };
    if (this.options.redis) await this.options.redis.set(this.key(`approval:${source}`), JSON.stringify(approval), 'EX', APPROVAL_TTL_SECONDS);
    else this.approvals.set(source, approval);
    return { ...held, approval };
  }

  /** Takes the approval of `source`, if there is a valid one: it serves one sync. */
  async take(source: string): Promise<HeldBackSync['approval'] | null> {
    if (this.options.redis) {
      const text = await this.options.redis.getdel(this.key(`approval:${source}`));
      return text ? (JSON.parse(text) as HeldBackSync['approval']) : null;
    }
    const approval = this.approvals.get(source);
    this.approvals.delete(source);
    return approval && Date.parse(approval.expiresAt) > Date.now() ? approval : null;
  }
}
