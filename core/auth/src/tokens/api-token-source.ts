import { timingSafeEqual } from 'node:crypto';
import { hasPermission, type Identity } from '@portico/plugin-api';
import { sha256Hex } from '../identity/config-token-source';
import type { CredentialSource, Credentials } from '../identity/credential-source';
import { TEAMS_SCOPE, type ApiTokenRecord } from './api-token';
import type { ApiTokenBook } from './api-token-book';
import { intersectPermissions } from './intersect-permissions';
import { tokenIdOf } from './token-value';

/**
 * `Authorization: Bearer pat_...`: one read by the token id in the value, then the hash
 * compared in constant time. Unknown, revoked, expired, or an owner who is gone: null (401).
 * The identity holds the token's scopes intersected with what its owner holds now.
 * @public
 */
export class ApiTokenSource implements CredentialSource {
  readonly name = 'api-token';

  constructor(
    private readonly book: ApiTokenBook,
    private readonly ownerOf: (record: ApiTokenRecord) => Promise<Pick<Identity, 'teams' | 'permissions'> | null>,
  ) {}

  async resolve({ bearer }: Credentials): Promise<Identity | null | undefined> {
    const id = bearer === undefined ? undefined : tokenIdOf(bearer);
    if (id === undefined) return undefined;
    const record = await this.book.get(id);
    if (!record || !timingSafeEqual(Buffer.from(record.sha256, 'hex'), Buffer.from(sha256Hex(bearer!), 'hex'))) return null;
    const identity = await this.identityOf(record);
    if (identity) await this.book.markUsed(record);
    return identity;
  }

  /**
   * The identity of the token with this id as it stands now, for work done later in its
   * name (an automation it created); null when it is revoked, expired or its owner gone.
   */
  async byId(id: string): Promise<Identity | null> {
    const record = await this.book.get(id);
    return record ? this.identityOf(record) : null;
  }

  private async identityOf(record: ApiTokenRecord): Promise<Identity | null> {
    if (Date.parse(record.expiresAt) <= Date.now()) return null;
    const owner = await this.ownerOf(record);
    if (!owner) return null;
    return {
      id: `token:${record.id}`,
      kind: 'token',
      displayName: `${record.name} (${record.ownerName}'s token)`,
      teams: hasPermission({ permissions: record.scopes }, TEAMS_SCOPE) ? owner.teams : [],
      isGuest: false,
      permissions: intersectPermissions(record.scopes.filter((scope) => scope !== TEAMS_SCOPE), owner.permissions ?? []),
      roles: [],
      via: 'api-token',
      owner: record.owner,
    };
  }
}
