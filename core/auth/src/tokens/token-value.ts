import { randomBytes } from 'node:crypto';

/**
 * What every API token starts with, so secret scanners can find leaked ones.
 * @public
 */
export const API_TOKEN_PREFIX = 'pat_';

const VALUE = /^(pat_[0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/**
 * A new token: `pat_<16 hex id>_<43 base64url characters>`. The id is the public part
 * (lookup key, shown in lists and the audit log); the 256 random bits after it are the secret.
 */
export function newTokenValue(): { id: string; value: string } {
  const id = `${API_TOKEN_PREFIX}${randomBytes(8).toString('hex')}`;
  return { id, value: `${id}_${randomBytes(32).toString('base64url')}` };
}

/** The token id of a value shaped like an API token, or undefined for anything else. */
export function tokenIdOf(value: string): string | undefined {
  return VALUE.exec(value)?.[1];
}

export function isApiTokenId(id: string): boolean {
  return /^pat_[0-9a-f]{16}$/.test(id);
}
