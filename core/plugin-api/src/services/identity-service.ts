export interface Identity {
  /** `user:<name>`, `token:<name>` or `guest`. */
  id: string;
  kind: 'user' | 'token' | 'guest';
  displayName: string;
  teams: string[];
  /** True for the dev-mode guest identity. */
  isGuest: boolean;
}

export interface IdentityService {
  /** Resolve an `Authorization` header value; returns the guest in dev mode, null otherwise. */
  authenticate(authorization: string | undefined): Promise<Identity | null>;
}
