/**
 * A user's named server as the hub reports it.
 * @public
 */
export interface NotebookServer {
  name: string;
  ready: boolean;
  pending: 'spawn' | 'stop' | null;
  /** Full URL (the hub's `url` path joined to its base, unless it is a full URL already). */
  url: string | null;
  started: string | null;
  lastActivity: string | null;
  userOptions: Record<string, unknown>;
}

/**
 * What the plugin asks of JupyterHub. `JupyterHubClient` speaks its REST API; the demo's simulation answers from memory.
 * @public
 */
export interface JupyterHubApi {
  /** The server, or null when the user has no such server running (or no such user). */
  getServer(user: string, server: string): Promise<NotebookServer | null>;
  /** Asks the hub to spawn it; `pending` when the spawner is still starting it. */
  startServer(user: string, server: string, userOptions: Record<string, unknown>): Promise<'started' | 'pending'>;
  /** Stops it; false when it was not running. */
  stopServer(user: string, server: string): Promise<boolean>;
}
