import type { Identity } from '@portico/plugin-api';
import type { RoleBook } from '../roles/role-book';
import type { ConfigTokenSource } from './config-token-source';

/**
 * What an identity id is looked up in: the config's tokens, the roles, the catalog's people.
 * @public
 */
export interface ActorLookups {
  configTokens: Pick<ConfigTokenSource, 'byName'>;
  /** API tokens by id (`pat_...`), as they stand now. */
  apiTokens: { byId(id: string): Promise<Identity | null> };
  roleBook: Pick<RoleBook, 'rolesOf' | 'permissionsOf'>;
  /** The teams of the catalog's User entity `id` now, or null when there is none. */
  teamsOf(userId: string): Promise<string[] | null>;
  guest: Identity | null;
}

/**
 * An identity by id as it stands now, for work done later in its name (an automation
 * firing): its current roles and grants, or null when it no longer exists.
 * - `user:<id>`: a config token of kind user by that name, else the person with the roles
 *   the RoleBook gives them and the teams of their User entity (none without one);
 * - `token:<name>`: the config token by that name, as the config stands (gone → null);
 * - `token:pat_<id>`: the API token, its scopes cut to what its owner holds now (revoked, expired or owner gone → null);
 * - `guest`: the guest, while the config enables one.
 * Anything else is null, so work in its name is refused rather than run with guessed permissions.
 * @public
 */
export async function resolveActor(id: string, lookups: ActorLookups): Promise<Identity | null> {
  if (id === 'guest') return lookups.guest;
  const colon = id.indexOf(':');
  if (colon <= 0) return null;
  const kind = id.slice(0, colon);
  const name = id.slice(colon + 1);
  if (kind === 'token' && name.startsWith('pat_')) return lookups.apiTokens.byId(name);
  if (kind === 'token' || kind === 'user') {
    const token = await lookups.configTokens.byName(name);
    if (token && token.id === id) return token;
  }
  if (kind !== 'user') return null;
  const teams = (await lookups.teamsOf(name)) ?? [];
  const roles = await lookups.roleBook.rolesOf({ id, kind: 'user', teams });
  return { id, kind: 'user', displayName: name, teams, isGuest: false, permissions: lookups.roleBook.permissionsOf(roles), roles, via: 'internal' };
}
