/**
 * One API token as stored: everything but its value, which is shown once at creation and
 * kept only as its SHA-256. The record never changes after creation (revoking deletes
 * it), so nothing written later can bring a revoked token back.
 * @public
 */
export interface ApiTokenRecord {
  /** `pat_` and 16 hex digits; also the visible start of the value, so a lookup is one read. */
  id: string;
  name: string;
  /** The person the token acts for, `user:alice`. */
  owner: string;
  ownerName: string;
  /**
   * How the owner proved who they were when making it: a `session` (their permissions at use
   * come from their roles) or a `config-token` of kind user (from that config token, by name).
   */
  ownerVia: 'session' | 'config-token';
  /** The owner's teams when the token was made (sign-in and the Tokens page refresh them). */
  ownerTeams: string[];
  scopes: string[];
  createdAt: string;
  expiresAt: string;
  /** Hex SHA-256 of the whole value. */
  sha256: string;
}

/**
 * What the API answers about a token: never the value, nor its hash.
 * @public
 */
export interface ApiTokenInfo {
  id: string;
  name: string;
  owner: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  expired: boolean;
}

/**
 * The scope that lets a token count as a member of its owner's teams, so the ownership
 * rules apply to it (edit what those teams own, run its day-2 actions). Without it a token
 * holds only its permission scopes: a read-only token cannot write through ownership.
 * @public
 */
export const TEAMS_SCOPE = 'teams';

export function tokenInfo(record: ApiTokenRecord, lastUsedAt: string | null, now = Date.now()): ApiTokenInfo {
  return {
    id: record.id,
    name: record.name,
    owner: record.owner,
    scopes: record.scopes,
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
    lastUsedAt,
    expired: Date.parse(record.expiresAt) <= now,
  };
}
