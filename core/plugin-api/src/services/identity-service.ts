/** @public */
export interface Identity {
  /** `user:<name>`, `token:<name>`, `plugin:<id>`, `run:<run id>` (a run's callback token) or `guest`. */
  id: string;
  kind: 'user' | 'token' | 'guest' | 'plugin' | 'run';
  displayName: string;
  /** Team ids (`platform`), from the catalog, config or a sign-in claim. */
  teams: string[];
  /** True for the dev-mode guest identity. */
  isGuest: boolean;
  /**
   * What this identity may do: names such as `cicd.deploy`, a family such as `cicd.*`,
   * a name scoped to one kind (`catalog.entity.write:component`) or `*`. These are the
   * permissions of its roles and its own grants together. Missing means none.
   */
  permissions?: string[];
  /** The roles the permissions came from, for display. */
  roles?: string[];
  /** How the caller proved who it is. */
  via?: 'session' | 'config-token' | 'api-token' | 'run-token' | 'guest' | 'internal';
  /** For a run's callback token: the one run it may report on. */
  runId?: string;
  /** The identity whose permissions an API token is a subset of (`user:alice`). */
  owner?: string;
}

/** @public */
export interface IdentityService {
  /** Resolve an `Authorization` header value; returns the guest in dev mode, null otherwise. */
  authenticate(authorization: string | undefined): Promise<Identity | null>;
}
