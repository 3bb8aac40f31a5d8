import { createHash, timingSafeEqual } from 'node:crypto';
import { GUEST_IDENTITY } from '@portico/http';
import type { Identity, IdentityService } from '@portico/plugin-api';
import type { ApiToken } from '../config/portico-config';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Identities from API tokens (stored hashed) and, in dev mode, a guest for requests
 * without a token. A wrong token is refused even in dev mode, so typos surface.
 */
export class TokenIdentityService implements IdentityService {
  private readonly tokens: Array<{ hash: Buffer; token: ApiToken }>;

  constructor(tokens: ApiToken[], private readonly guest: boolean) {
    this.tokens = tokens.map((token) => ({ hash: Buffer.from(token.sha256, 'hex'), token }));
  }

  async authenticate(authorization: string | undefined): Promise<Identity | null> {
    if (!authorization) return this.guest ? GUEST_IDENTITY : null;
    const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    if (!match) return null;
    const hash = Buffer.from(hashToken(match[1]), 'hex');
    const found = this.tokens.find((entry) => timingSafeEqual(entry.hash, hash));
    if (!found) return null;
    const kind = found.token.kind ?? 'token';
    return {
      id: `${kind}:${found.token.name}`,
      kind,
      displayName: found.token.name,
      teams: found.token.teams ?? [],
      isGuest: false,
      permissions: found.token.permissions ?? [],
    };
  }
}
