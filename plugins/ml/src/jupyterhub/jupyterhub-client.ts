import type { JupyterHubApi, NotebookServer } from './jupyterhub-api';
import { JupyterHubApiError, toJupyterHubApiError } from './jupyterhub-api-error';

/** @public */
export interface JupyterHubClientOptions {
  /** The hub's root URL; the API is `<baseUrl>/hub/api`. */
  baseUrl: string;
  token(): Promise<string>;
}

/** The hub's answers as the client reads them: a user model's servers, or an error's message. */
interface HubAnswer {
  servers?: Record<string, { ready?: boolean; pending?: 'spawn' | 'stop' | null; url?: string; full_url?: string | null; started?: string; last_activity?: string; user_options?: Record<string, unknown> }>;
  message?: string;
}

/**
 * The JupyterHub REST API through fetch (the hub publishes no JavaScript client; @jupyterlab/services
 * speaks to a single-user server, not to the hub).
 * @public
 */
export class JupyterHubClient implements JupyterHubApi {
  private readonly root: string;

  constructor(private readonly options: JupyterHubClientOptions) {
    this.root = options.baseUrl.replace(/\/+$/, '');
  }

  private async request(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; body: HubAnswer | null }> {
    const what = `${method} ${path}`;
    let res: Response;
    try {
      res = await fetch(`${this.root}/hub/api${path}`, { method, headers: { authorization: `Bearer ${await this.options.token()}`, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    } catch (error) {
      throw new JupyterHubApiError(`JupyterHub at ${this.options.baseUrl} could not be reached for ${what} (${(error as { cause?: { code?: string; message?: string } }).cause?.code ?? (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message}): check jupyterhub.baseUrl and the network.`, null);
    }
    const text = await res.text();
    let parsed: HubAnswer | null = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = { message: text.slice(0, 300) };
    }
    if (!res.ok) throw toJupyterHubApiError(what, res.status, parsed);
    return { status: res.status, body: parsed };
  }

  private path(user: string, server?: string): string {
    return `/users/${encodeURIComponent(user)}${server !== undefined ? `/servers/${encodeURIComponent(server)}` : ''}`;
  }

  async getServer(user: string, server: string): Promise<NotebookServer | null> {
    let model: HubAnswer | null;
    try {
      // GET /users/{name} lists running servers on every hub version (the per-server GET is new in 6.0).
      model = (await this.request('GET', this.path(user))).body;
    } catch (error) {
      if (error instanceof JupyterHubApiError && error.status === 404) return null;
      throw error;
    }
    const s = model?.servers?.[server];
    if (!s) return null;
    const url = typeof s.url === 'string' ? (/^https?:/.test(s.url) ? s.url : `${this.root}${s.url}`) : null;
    return { name: server, ready: Boolean(s.ready), pending: s.pending ?? null, url: s.full_url ?? url, started: s.started ?? null, lastActivity: s.last_activity ?? null, userOptions: s.user_options ?? {} };
  }

  async startServer(user: string, server: string, userOptions: Record<string, unknown>): Promise<'started' | 'pending'> {
    // The options as the whole body: what every hub version passes to the spawner (6.0 also reads `{ user_options }`).
    const res = await this.request('POST', this.path(user, server), userOptions);
    return res.status === 202 ? 'pending' : 'started';
  }

  async stopServer(user: string, server: string): Promise<boolean> {
    try {
      await this.request('DELETE', this.path(user, server));
      return true;
    } catch (error) {
      if (error instanceof JupyterHubApiError && (error.status === 404 || (error.status === 400 && /not running|no such server/i.test(error.message)))) return false;
      throw error;
    }
  }
}
