/** What the portal keeps about one signed-in person, under the hash of their session id. */
export interface SessionRecord {
  /** `user:<id claim>`. */
  userId: string;
  displayName: string;
  email?: string;
  /** The catalog User entity the person matched at sign-in, whose memberships give their teams. */
  userEntity?: string;
  /** Team ids from the groups claim (only when `auth.oidc.groupsAsTeams`). */
  claimTeams: string[];
  /** Teams at sign-in (catalog memberships plus claim teams); refreshed from the catalog on read. */
  teams: string[];
  createdAt: string;
  expiresAt: string;
}
