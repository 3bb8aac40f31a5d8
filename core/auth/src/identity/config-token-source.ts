import { createHash, timingSafeEqual } from 'node:crypto';
import type { Identity } from '@portico/plugin-api';
import type { RoleBook } from '../roles/role-book';
import type { CredentialSource, Credentials } from './credential-source';

/**
 * A token listed in portico.config.yaml under `auth.tokens`, by the SHA-256 of its value.
 * @public
 */
export interface ConfigToken {
  name: string;
  sha256: string;
  /** `token` for machines (CI systems, agents), `user` for a person's token. */
  kind?: 'token' | 'user';
  teams?: string[];
  /** Granted on top of the roles assigned to `token:<name>` (or `user:<name>`). */
  permissions?: string[];
  roles?: string[];
}

/** @public */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * Identities of the config's tokens: their own grants plus their roles.
 * @public
 */
export class ConfigTokenSource implements CredentialSource {
  readonly name = 'config-token';
  private readonly tokens: Array<{ hash: Buffer; token: ConfigToken }>;

  constructor(
    tokens: ConfigToken[],
    private readonly roleBook: RoleBook,
  ) {
    this.tokens = tokens.map((token) => ({ hash: Buffer.from(token.sha256, 'hex'), token }));
  }

  async resolve({ bearer }: Credentials): Promise<Identity | undefined> {
    if (bearer === undefined) return undefined;
    const hash = Buffer.from(sha256Hex(bearer), 'hex');
    const found = this.tokens.find((entry) => timingSafeEqual(entry.hash, hash));
    if (!found) return undefined;
    return this.identityOf(found.token);
  }

  /**
   * The identity of the config token called `name` as the config and roles stand now, or
   * null when the config no longer lists it (an API token made with it checks its owner so).
   */
  async byName(name: string): Promise<Identity | null> {
    const found = this.tokens.find((entry) => entry.token.name === name);
    return found ? this.identityOf(found.token) : null;
  }

  private async identityOf(token: ConfigToken): Promise<Identity> {
    const kind = token.kind ?? 'token';
    const subject = { id: `${kind}:${token.name}`, kind: kind === 'user' ? 'config-user' : 'token', teams: token.teams ?? [] };
    const roles = [...new Set([...(token.roles ?? []), ...(await this.roleBook.rolesOf(subject))])];
    return {
      id: subject.id,
      kind,
      displayName: token.name,
      teams: subject.teams,
      isGuest: false,
      permissions: [...new Set([...(token.permissions ?? []), ...this.roleBook.permissionsOf(roles)])],
      roles,
      via: 'config-token',
    };
  }
}
