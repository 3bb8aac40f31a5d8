import type { Identity } from '@portico/plugin-api';
import type { CredentialSource, Credentials } from '../identity/credential-source';
import type { CatalogPeople } from '../people/catalog-people';
import type { RoleBook } from '../roles/role-book';
import { readSessionCookie } from './session-cookie';
import type { SessionRecord } from './session-record';
import type { SessionStore } from './session-store';

/**
 * A signed-in person, from the session cookie. A request with a bearer token is the token's,
 * never the cookie's: scripts say who they are explicitly. A cookie naming no live session
 * is refused (null, a 401) rather than passed to the guest, so an expired session is noticed.
 */
export class SessionSource implements CredentialSource {
  readonly name = 'session';

  constructor(private readonly sessions: SessionStore, private readonly roleBook: RoleBook, private readonly people: CatalogPeople) {}

  async resolve({ bearer, req }: Credentials): Promise<Identity | null | undefined> {
    if (bearer !== undefined) return undefined;
    const id = readSessionCookie(req);
    if (id === undefined) return undefined;
    const session = await this.sessions.read(id);
    if (!session) return null;
    return this.identityOf(session);
  }

  /** The identity a session stands for, with teams as the catalog has them now. */
  async identityOf(session: SessionRecord): Promise<Identity> {
    // One catalog read per request keeps a membership change (or removal) effective at once.
    const fromCatalog = session.userEntity ? await this.people.teamsOf(session.userEntity) : null;
    const teams = fromCatalog ? [...new Set([...fromCatalog, ...session.claimTeams])] : session.teams;
    const roles = await this.roleBook.rolesOf({
      id: session.userId,
      kind: 'user',
      teams,
    });
    return {
      id: session.userId,
      kind: 'user',
      displayName: session.displayName,
      teams,
      isGuest: false,
      permissions: this.roleBook.permissionsOf(roles),
      roles,
      via: 'session',
    };
  }
}
