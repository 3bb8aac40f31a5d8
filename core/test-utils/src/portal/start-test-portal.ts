import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TERMINAL_RUN_STATUSES, type Run, type RunStatus } from '@portico/plugin-api';
import { hashToken, startPortal, type PluginEntry, type Portal, type PorticoConfig } from '@portico/kernel';
import { deleteRedisKeys, requireRedis, TEST_REDIS_URL } from '../redis/delete-redis-keys';
import { call, type JsonResponse } from './call';
import { captureLogger, type CapturedLine } from './capture-logger';
import { eventually } from './eventually';

/**
 * Someone the test portal knows, signed in with a bearer token made for the test.
 * @alpha
 */
export interface TestUser {
  /** Roles from the portal's role book (viewer, developer, maintainer, admin, or configured ones). */
  roles?: string[];
  /** Permissions granted directly, e.g. `cicd.deploy`. */
  permissions?: string[];
  teams?: string[];
  /** `user` (default) is a person; `token` is a machine client such as CI. */
  kind?: 'user' | 'token';
}

/** @alpha */
export interface TestPortalOptions {
  /** Plugins as in `portico.config.yaml`: `{ path | package, config }`. */
  plugins: PluginEntry[];
  /** `embedded` (default): a temporary folder, removed on close. `redis`: a fresh key prefix, deleted on close. */
  store?: 'embedded' | 'redis';
  redisUrl?: string;
  /** People and clients by name; `as: name` on each helper signs in as them. */
  users?: Record<string, TestUser>;
  /** Let requests without a token in as the demo guest (default false). */
  guest?: boolean;
  /** Secret values by name, as plugins read them through the secrets service. */
  secrets?: Record<string, string>;
  /** Anything else of the portal config (auth roles, rate limits, actions); `plugins` and tokens come from above. */
  config?: Omit<PorticoConfig, 'plugins'>;
  /** Serve the web UI (default false; browser tests set true). */
  ui?: boolean;
  /** Export conditions plugins load with (default `['source']`: TypeScript sources under jest). */
  conditions?: string[];
  /** Fail unless every plugin loads (default true). */
  strict?: boolean;
}

/** @alpha */
export interface RunOptions {
  /** The entity the action runs on. */
  entity?: { kind: string; id: string };
  inputs?: Record<string, unknown>;
  as?: string;
}

/**
 * A run that ended, with its log lines.
 * @alpha
 */
export interface FinishedRun extends Run {
  logs: string[];
}

/**
 * A real portal for tests, with helpers that speak its HTTP API.
 * @alpha
 */
export interface TestPortal {
  readonly url: string;
  readonly portal: Portal;
  /** What the portal logged, for a failing test to show. */
  readonly logs: CapturedLine[];
  /** The Redis key prefix this portal owns (store `redis` only). */
  readonly keyPrefix: string | undefined;
  /** The bearer token of a user named in `users`. */
  tokenOf(user: string): string;
  /** A request to `/api/v1` + `path`, signed in as `as` (or anonymous). */
  api<T = any>(method: string, path: string, body?: unknown, options?: { as?: string; headers?: Record<string, string> }): Promise<JsonResponse<T>>;
  /** An entity, or null when the portal answers 404. */
  entity(kind: string, id: string, as?: string): Promise<any>;
  /** Waits until an entity exists (providers run at start, concurrently), and returns it. */
  waitForEntity(kind: string, id: string, options?: { as?: string; timeoutMs?: number }): Promise<any>;
  /** The items of a catalog query (`POST /entities/query`); throws with the problem on a 4xx. */
  query(body: unknown, as?: string): Promise<any[]>;
  /** Starts a run; throws with the portal's answer unless it is 201. */
  startRun(actionId: string, options?: RunOptions): Promise<Run>;
  /** Waits until a run reaches one of `statuses` (default: any end) and returns it with its log. */
  waitForRun(runId: string, options?: { as?: string; statuses?: RunStatus[]; timeoutMs?: number }): Promise<FinishedRun>;
  /** Starts a run and waits for its end. */
  runAction(actionId: string, options?: RunOptions & { timeoutMs?: number }): Promise<FinishedRun>;
  /** Approves (or declines) a run waiting for approval, as `as`. */
  decide(runId: string, as: string, decision?: 'approve' | 'decline', comment?: string): Promise<Run>;
  /** The log lines of a run. */
  runLogs(runId: string, as?: string): Promise<string[]>;
  /** Stops the portal and deletes what it stored. */
  close(): Promise<void>;
}

function fail(what: string, res: JsonResponse): never {
  throw new Error(`${what} answered ${res.status}: ${typeof res.body === 'string' ? res.body : JSON.stringify(res.body)}`);
}

/**
 * Starts a real portal with the given plugins on the embedded store (a temporary folder) or on
 * Redis under a fresh key prefix, with a token per test user. `close()` stops it and removes the
 * folder or the keys, so tests never copy a cleanup loop.
 * @alpha
 */
export async function startTestPortal(options: TestPortalOptions): Promise<TestPortal> {
  const store = options.store ?? 'embedded';
  const redisUrl = options.redisUrl ?? TEST_REDIS_URL;
  const keyPrefix = `test:${randomUUID()}:`;
  if (store === 'redis') await requireRedis(redisUrl);
  const dataDir = store === 'embedded' ? await mkdtemp(join(tmpdir(), 'portico-test-')) : undefined;
  const tokens = new Map<string, string>();
  const tokenConfig = Object.entries(options.users ?? {}).map(([name, user]) => {
    const value = `test-${name}-${randomBytes(12).toString('hex')}`;
    tokens.set(name, value);
    return { name, sha256: hashToken(value), kind: user.kind ?? 'user', ...(user.roles ? { roles: user.roles } : {}), ...(user.permissions ? { permissions: user.permissions } : {}), ...(user.teams ? { teams: user.teams } : {}) };
  });
  const logs: CapturedLine[] = [];
  const auth = options.config?.auth ?? {};
  let portal: Portal;
  try {
    portal = await startPortal({
      config: {
        ...(options.config ?? {}),
        plugins: options.plugins,
        auth: { ...auth, ...(options.guest ? { guest: true } : {}), tokens: [...(auth.tokens ?? []), ...tokenConfig] },
        rateLimit: options.config?.rateLimit ?? { failedAuth: false },
      },
      port: 0,
      host: '127.0.0.1',
      redisUrl: store === 'redis' ? redisUrl : null,
      keyPrefix,
      dataDir,
      ui: options.ui ?? false,
      strict: options.strict ?? true,
      conditions: options.conditions ?? ['source'],
      secrets: options.secrets,
      logger: captureLogger(logs),
    });
  } catch (error) {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    if (store === 'redis') await deleteRedisKeys([keyPrefix], redisUrl);
    const said = logs.filter((l) => l.level === 'error' || l.level === 'warn').map((l) => `${l.level} ${l.message} ${JSON.stringify(l.fields)}`);
    throw new Error(`The test portal did not start: ${(error as Error).message}${said.length ? `\nIt said:\n${said.join('\n')}` : ''}`);
  }

  const tokenOf = (user: string): string => {
    const token = tokens.get(user);
    if (!token) throw new Error(`No test user "${user}": name it in startTestPortal({ users })`);
    return token;
  };
  const api: TestPortal['api'] = (method, path, body, request = {}) =>
    call(portal.url, method, `/api/v1${path}`, body, { ...(request.as ? { authorization: `Bearer ${tokenOf(request.as)}` } : {}), ...(request.headers ?? {}) });
  const entity: TestPortal['entity'] = async (kind, id, as) => {
    const res = await api('GET', `/kinds/${encodeURIComponent(kind)}/entities/${encodeURIComponent(id)}`, undefined, { as });
    if (res.status === 404) return null;
    return res.status === 200 ? res.body : fail(`GET ${kind}/${id}`, res);
  };
  const runLogs: TestPortal['runLogs'] = async (runId, as) => {
    const res = await api<{ items: Array<{ message: string }> }>('GET', `/runs/${runId}/logs`, undefined, { as });
    return res.status === 200 ? res.body.items.map((e) => e.message) : fail(`the log of run ${runId}`, res);
  };
  const waitForRun: TestPortal['waitForRun'] = async (runId, wait = {}) => {
    const statuses = wait.statuses ?? TERMINAL_RUN_STATUSES;
    let last: Run | undefined;
    try {
      const run = await eventually(
        async () => {
          const res = await api<Run>('GET', `/runs/${runId}`, undefined, { as: wait.as });
          if (res.status !== 200) fail(`GET /runs/${runId}`, res);
          last = res.body;
          return statuses.includes(res.body.status) ? res.body : null;
        },
        `run ${runId} to reach ${statuses.join(' or ')}`,
        wait.timeoutMs ?? 20_000,
      );
      return { ...run, logs: await runLogs(runId, wait.as) };
    } catch (error) {
      const lines = await runLogs(runId, wait.as).catch(() => []);
      throw new Error(`${(error as Error).message}; it is ${last?.status ?? 'unknown'}, its log:\n${lines.join('\n')}`);
    }
  };
  const startRun: TestPortal['startRun'] = async (actionId, run = {}) => {
    const res = await api<Run>('POST', `/actions/${encodeURIComponent(actionId)}/runs`, { ...(run.entity ? { entity: run.entity } : {}), inputs: run.inputs ?? {} }, { as: run.as });
    return res.status === 201 ? res.body : fail(`starting ${actionId}`, res);
  };

  let closing: Promise<void> | undefined;
  return {
    url: portal.url,
    portal,
    logs,
    keyPrefix: store === 'redis' ? keyPrefix : undefined,
    tokenOf,
    api,
    entity,
    waitForEntity: (kind, id, wait = {}) => eventually(() => entity(kind, id, wait.as), `${kind} ${id} in the catalog`, wait.timeoutMs ?? 20_000),
    query: async (body, as) => {
      const res = await api<{ items: any[] }>('POST', '/entities/query', body, { as });
      return res.status === 200 ? res.body.items : fail(`query ${JSON.stringify(body)}`, res);
    },
    startRun,
    waitForRun,
    runAction: async (actionId, run = {}) => waitForRun((await startRun(actionId, run)).id, { as: run.as, timeoutMs: run.timeoutMs }),
    decide: async (runId, as, decision = 'approve', comment) => {
      const res = await api<Run>('POST', `/runs/${runId}/approval`, { decision, ...(comment ? { comment } : {}) }, { as });
      return res.status === 200 ? res.body : fail(`${decision} run ${runId}`, res);
    },
    runLogs,
    close: () =>
      (closing ??= (async () => {
        await portal.close();
        if (dataDir) await rm(dataDir, { recursive: true, force: true });
        if (store === 'redis') await deleteRedisKeys([keyPrefix], redisUrl);
      })()),
  };
}
