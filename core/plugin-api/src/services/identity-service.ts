export interface Identity {
  /** `user:<name>`, `token:<name>` or `guest`. */
  id: string;
  kind: 'user' | 'token' | 'guest';
  displayName: string;
  teams: string[];
  /** True for the dev-mode guest identity. */
  isGuest: boolean;
  /**
   * What this identity may do beyond actions that need no permission: names such as
   * `cicd.deploy`, a family such as `cicd.*`, or `*` for everything. Missing means none.
   */
  permissions?: string[];
}

export interface IdentityService {
  /** Resolve an `Authorization` header value; returns the guest in dev mode, null otherwise. */
  authenticate(authorization: string | undefined): Promise<Identity | null>;
}
