import { createHash, randomBytes } from 'node:crypto';
import type { StateStore } from '../state/state-store';
import type { SessionRecord } from './session-record';

const KEY = 'session:';

/**
 * Sessions of signed-in people in the portal's state store. The id the browser holds is 256
 * random bits; the store only ever sees its SHA-256, so a leaked store dump (or a Redis
 * MONITOR) holds no usable cookie.
 */
export class SessionStore {
  constructor(private readonly store: StateStore, private readonly ttlMs: number) {}

  get ttlSeconds(): number {
    return Math.floor(this.ttlMs / 1000);
  }

  /** Starts a session; returns the id for the cookie and the stored record. */
  async create(person: Omit<SessionRecord, 'createdAt' | 'expiresAt'>, now = Date.now()): Promise<{ id: string; record: SessionRecord }> {
    const id = randomBytes(32).toString('base64url');
    const record: SessionRecord = {
      ...person,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + this.ttlMs).toISOString(),
    };
    await this.store.set(keyOf(id), JSON.stringify(record), {
      ttlMs: this.ttlMs,
    });
    return { id, record };
  }

  /** The live session for this id, or null (unknown, ended or expired). */
  async read(id: string, now = Date.now()): Promise<SessionRecord | null> {
    const raw = await this.store.get(keyOf(id));
    if (!raw) return null;
    const record = JSON.parse(raw) as SessionRecord;
    // The store's TTL ends it too; this check holds even where a clock or a journal replay lags.
    return Date.parse(record.expiresAt) > now ? record : null;
  }

  async delete(id: string): Promise<void> {
    await this.store.delete(keyOf(id));
  }
}

function keyOf(id: string): string {
  return KEY + createHash('sha256').update(id).digest('hex');
}
