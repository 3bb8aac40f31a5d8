import type { Identity } from '@portico/plugin-api';
import type { ConfigTokenSource } from '../identity/config-token-source';
import type { RoleBook } from '../roles/role-book';
import type { ApiTokenRecord } from './api-token';
import type { ApiTokenBook } from './api-token-book';

export interface OwnerLookup {
  configTokens: ConfigTokenSource;
  roleBook: RoleBook;
  book: ApiTokenBook;
}

/**
 * What a token's owner holds right now, so a demoted owner's tokens shrink with them:
 * - made through a config token of kind user: that config token as the config stands (gone
 *   from the config → null, and the API token stops working);
 * - made by a signed-in person: the roles the RoleBook gives them and the teams last seen
 *   for them (at sign-in or on the Tokens page; the ones at creation until then).
 */
export async function currentOwner(record: ApiTokenRecord, lookup: OwnerLookup): Promise<Pick<Identity, 'id' | 'teams' | 'permissions'> | null> {
  if (record.ownerVia === 'config-token') {
    const identity = await lookup.configTokens.byName(record.owner.slice(record.owner.indexOf(':') + 1));
    return identity && identity.id === record.owner ? identity : null;
  }
  const teams = (await lookup.book.ownerTeams(record.owner)) ?? record.ownerTeams;
  const roles = await lookup.roleBook.rolesOf({ id: record.owner, kind: 'user', teams });
  return { id: record.owner, teams, permissions: lookup.roleBook.permissionsOf(roles) };
}
