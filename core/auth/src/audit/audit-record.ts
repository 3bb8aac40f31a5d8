import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** @public */
export type AuditOutcome = 'ok' | 'refused' | 'failed';

/**
 * What callers hand to the audit log: the log adds the sequence, time, digests and hashes.
 * @public
 */
export interface AuditEvent {
  /** Who acted: an identity id (`user:alice`, `token:ci`), `anonymous`, or `plugin:<id>`. */
  actor: string;
  /** How they were identified: `session`, `api-token`, `config-token`, `run-token`, `guest`, `internal`... */
  via?: string;
  /** The route's operationId, or an event name such as `session.signed-in` or `run.started`. */
  action: string;
  method?: string;
  path?: string;
  status?: number;
  outcome: AuditOutcome;
  requestId?: string;
  /** `component:cart-service`, `run:r_123`, `plugin:cicd`... */
  target?: string;
  /** States before and after; only their SHA-256 digests are kept, never the values. */
  before?: unknown;
  after?: unknown;
  /** Small and free of secrets. */
  note?: Record<string, unknown>;
}

/**
 * One stored record of the tamper-evident log: the event with digests in place of its states.
 * @public
 */
export interface AuditRecord extends Omit<AuditEvent, 'before' | 'after'> {
  seq: number;
  at: string;
  beforeDigest?: string;
  afterDigest?: string;
  /** The previous record's `hash` (64 zeros before the first record). */
  prevHash: string;
  /** SHA-256 of the canonical JSON of every other field, `prevHash` included. */
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The digest of a before/after state; absent (undefined) states have none, `null` has one. */
export function digestOf(state: unknown): string | undefined {
  return state === undefined ? undefined : `sha256:${sha256(canonicalJson(state))}`;
}

/** The hash a record must carry: over everything but the hash itself. */
export function hashOf(record: Omit<AuditRecord, 'hash'> & { hash?: string }): string {
  const { hash: _hash, ...rest } = record;
  return sha256(canonicalJson(rest));
}

/** Builds the record that follows `prevHash` as entry `seq`. */
export function sealRecord(event: AuditEvent, seq: number, prevHash: string, now: Date): AuditRecord {
  const unsealed: Omit<AuditRecord, 'hash'> = {
    seq,
    at: now.toISOString(),
    actor: event.actor,
    via: event.via,
    action: event.action,
    method: event.method,
    path: event.path,
    status: event.status,
    outcome: event.outcome,
    requestId: event.requestId,
    target: event.target,
    beforeDigest: digestOf(event.before),
    afterDigest: digestOf(event.after),
    note: event.note,
    prevHash,
  };
  // Drop absent fields so the stored JSON and the hashed text hold the same members.
  const record = JSON.parse(canonicalJson(unsealed)) as Omit<AuditRecord, 'hash'>;
  return { ...record, hash: hashOf(record) };
}
