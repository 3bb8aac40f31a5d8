import { startUpstreamFake, type UpstreamFake, type UpstreamReply } from '@portico/test-utils';

// A JupyterHub for tests, answering the documented shapes of its REST API (under /hub/api) for
// the endpoints the plugin uses: the user model with its servers, start and stop a named server.
// Errors are `{ status, message }` as the hub sends them.

export interface FakeServer {
  name: string;
  ready: boolean;
  pending: 'spawn' | 'stop' | null;
  url: string;
  progress_url: string;
  started: string;
  last_activity: string;
  user_options: Record<string, unknown>;
  reads: number;
}

export interface JupyterHubFake extends UpstreamFake {
  readonly token: string;
  addUser(name: string): void;
  /** Running servers of a user, by name. */
  servers(user: string): Record<string, FakeServer>;
  /** How many times each server was stopped, by `user/server`. */
  readonly stops: Map<string, number>;
}

const hubError = (status: number, message: string): UpstreamReply => ({ status, body: { status, message } });
// JupyterHub 6's rule for new server names.
const SERVER_NAME = /^[a-z](-?[a-z0-9]){0,29}$/;

/** Starts the JupyterHub fake; a new server is ready after `readsBeforeReady` reads of its user (default 1). */
export async function startJupyterHubFake(options: { token?: string; readsBeforeReady?: number } = {}): Promise<JupyterHubFake> {
  const token = options.token ?? 'hub-test-token';
  const users = new Map<string, Record<string, FakeServer>>();
  const stops = new Map<string, number>();
  const fake = await startUpstreamFake({
    name: 'JupyterHub',
    // The hub takes `Authorization: token <t>` and, per its OpenAPI document, `Bearer <t>`.
    authenticate: (req) => (req.headers.authorization === `Bearer ${token}` || req.headers.authorization === `token ${token}` ? undefined : hubError(403, 'Missing or invalid credentials.')),
    errorBody: (status, message) => ({ status, message }),
    routes: [
      {
        route: 'GET /hub/api/users/:name',
        handle: (req) => {
          const servers = users.get(req.params.name);
          if (!servers) return hubError(404, 'Not Found');
          for (const s of Object.values(servers)) {
            s.reads += 1;
            if (s.pending === 'spawn' && s.reads > (options.readsBeforeReady ?? 1)) Object.assign(s, { pending: null, ready: true });
          }
          const body = Object.fromEntries(Object.entries(servers).map(([n, { reads: _reads, ...s }]) => [n, s]));
          return { body: { kind: 'user', name: req.params.name, admin: false, groups: [], server: null, pending: null, last_activity: new Date().toISOString(), servers: body } };
        },
      },
      {
        route: 'POST /hub/api/users/:name/servers/:server',
        request: { body: { type: ['object', 'null'] } },
        handle: (req) => {
          const servers = users.get(req.params.name);
          if (!servers) return hubError(404, 'Not Found');
          if (!SERVER_NAME.test(req.params.server)) return hubError(400, `Invalid server_name (${req.params.server}). Server names must be lowercase letters, digits and single hyphens, start with a letter, at most 30 characters.`);
          if (servers[req.params.server]) return hubError(400, `${req.params.name} is already running server ${req.params.server}`);
          const now = new Date().toISOString();
          servers[req.params.server] = { name: req.params.server, ready: false, pending: 'spawn', url: `/user/${req.params.name}/${req.params.server}/`, progress_url: `/hub/api/users/${req.params.name}/servers/${req.params.server}/progress`, started: now, last_activity: now, user_options: (req.body as Record<string, unknown>) ?? {}, reads: 0 };
          return { status: 202 };
        },
      },
      {
        route: 'DELETE /hub/api/users/:name/servers/:server',
        handle: (req) => {
          const servers = users.get(req.params.name);
          if (!servers || !servers[req.params.server]) return hubError(404, `${req.params.name} has no server named '${req.params.server}'`);
          delete servers[req.params.server];
          const key = `${req.params.name}/${req.params.server}`;
          stops.set(key, (stops.get(key) ?? 0) + 1);
          return { status: 204 };
        },
      },
    ],
  });
  return Object.assign(fake, { token, stops, addUser: (name: string) => void users.set(name, users.get(name) ?? {}), servers: (user: string) => users.get(user) ?? {} });
}
