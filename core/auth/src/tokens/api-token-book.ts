import { NotFoundError } from '@portico/plugin-api';
import { sha256Hex } from '../identity/config-token-source';
import type { StateStore } from '../state/state-store';
import { tokenInfo, type ApiTokenInfo, type ApiTokenRecord } from './api-token';
import { newTokenValue } from './token-value';

const RECORD = 'api-token:';
const BY_OWNER = 'api-token-owner:';
const LAST_USED = 'api-token-used:';
const OWNER_TEAMS = 'api-token-teams:';
const DAY = 24 * 60 * 60 * 1000;
/** Expired tokens stay listed (as expired) this long, then the store forgets them. */
const KEEP_EXPIRED_MS = 7 * DAY;
/** The last-used time is written at most this often per token and instance, not on every request. */
export const LAST_USED_EVERY_MS = 60_000;
/**
 * How long a token may live when `auth.apiTokens.maxDays` says nothing.
 * @public
 */
export const DEFAULT_MAX_DAYS = 90;

/** @public */
export interface NewApiToken {
  name: string;
  owner: { id: string; displayName: string; teams: string[]; via: ApiTokenRecord['ownerVia'] };
  scopes: string[];
  expiresAt: Date;
}

/**
 * API tokens in the state store: `api-token:<id>` holds the record, `api-token-owner:<owner>:<id>`
 * lists an owner's tokens without reading everyone's, `api-token-used:<id>` the last use
 * (apart, so the record stays immutable), `api-token-teams:<owner>` the owner's latest teams.
 * Every key expires a week after its token does.
 * @public
 */
export class ApiTokenBook {
  /** When this instance last wrote each token's last-used time. */
  private readonly lastWritten = new Map<string, number>();

  /** The longest a token may live, in days (`auth.apiTokens.maxDays`). */
  readonly maxDays: number;
  private readonly store: StateStore;

  constructor(options: { store: StateStore; maxDays?: number }) {
    this.store = options.store;
    this.maxDays = options.maxDays ?? DEFAULT_MAX_DAYS;
  }

  /** Makes a token; the returned value is the only time anyone sees it. */
  async create(input: NewApiToken, now = new Date()): Promise<{ value: string; token: ApiTokenInfo }> {
    const { id, value } = newTokenValue();
    const record: ApiTokenRecord = {
      id,
      name: input.name,
      owner: input.owner.id,
      ownerName: input.owner.displayName,
      ownerVia: input.owner.via,
      ownerTeams: input.owner.teams,
      scopes: [...new Set(input.scopes)],
      createdAt: now.toISOString(),
      expiresAt: input.expiresAt.toISOString(),
      sha256: sha256Hex(value),
    };
    const ttlMs = this.ttl(record, now.getTime());
    // Random 64-bit ids do not collide in practice; setIfAbsent makes sure one never overwrites another.
    if (!(await this.store.setIfAbsent(RECORD + id, JSON.stringify(record)))) return this.create(input, now);
    await this.store.set(RECORD + id, JSON.stringify(record), { ttlMs });
    await this.store.set(`${BY_OWNER}${record.owner}:${id}`, '1', { ttlMs });
    return { value, token: tokenInfo(record, null, now.getTime()) };
  }

  async get(id: string): Promise<ApiTokenRecord | null> {
    const raw = await this.store.get(RECORD + id);
    return raw ? (JSON.parse(raw) as ApiTokenRecord) : null;
  }

  async info(record: ApiTokenRecord, now = Date.now()): Promise<ApiTokenInfo> {
    return tokenInfo(record, await this.store.get(LAST_USED + record.id), now);
  }

  /** The owner's tokens, or everyone's when `owner` is undefined, newest first. */
  async list(owner?: string): Promise<ApiTokenInfo[]> {
    const ids = owner === undefined ? (await this.store.keys(RECORD)).map((key) => key.slice(RECORD.length)) : (await this.store.keys(`${BY_OWNER}${owner}:`)).map((key) => key.slice(key.lastIndexOf(':') + 1));
    const infos: ApiTokenInfo[] = [];
    for (const id of ids) {
      const record = await this.get(id);
      if (record) infos.push(await this.info(record));
    }
    return infos.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
  }

  /** Deletes the token: from now on its value is refused on every instance. */
  async revoke(id: string): Promise<ApiTokenRecord> {
    const record = await this.get(id);
    if (!record) throw new NotFoundError(`There is no API token ${id}.`);
    await this.store.delete(RECORD + id);
    await this.store.delete(`${BY_OWNER}${record.owner}:${id}`);
    await this.store.delete(LAST_USED + id);
    this.lastWritten.delete(id);
    return record;
  }

  /** Notes a use, writing it only when this instance has not for a minute. */
  async markUsed(record: ApiTokenRecord, now = Date.now()): Promise<void> {
    const last = this.lastWritten.get(record.id);
    if (last !== undefined && now - last < LAST_USED_EVERY_MS) return;
    this.lastWritten.set(record.id, now);
    await this.store.set(LAST_USED + record.id, new Date(now).toISOString(), { ttlMs: this.ttl(record, now) });
  }

  /** The owner's teams as last seen (at sign-in or on the Tokens page), or undefined if never noted. */
  async ownerTeams(owner: string): Promise<string[] | undefined> {
    const raw = await this.store.get(OWNER_TEAMS + owner);
    return raw ? (JSON.parse(raw) as string[]) : undefined;
  }

  /**
   * Records a person's current teams, so their tokens follow team changes (leaving a team
   * drops what the team's roles gave). Cheap: one write, and only when the teams changed.
   */
  async noteOwnerTeams(owner: string, teams: string[]): Promise<void> {
    const value = JSON.stringify([...teams].sort());
    if ((await this.store.get(OWNER_TEAMS + owner)) === value) return;
    await this.store.set(OWNER_TEAMS + owner, value, { ttlMs: this.maxDays * DAY + KEEP_EXPIRED_MS });
  }

  private ttl(record: ApiTokenRecord, now: number): number {
    return Math.max(1, Date.parse(record.expiresAt) - now + KEEP_EXPIRED_MS);
  }
}
