import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { hasPermission, scopedPermission } from '@portico/plugin-api';
import { sha256Hex } from '@portico/auth';
import { signInOverHttp, startLocalOidcProvider, type LocalOidcProvider } from '@portico/auth/testing';
import { startPortal, type Portal } from './start-portal';

/**
 * Every route of the OpenAPI document × every kind of caller → the status its declared
 * access implies. The routes come from the document the portal serves, so a route added
 * later is in the matrix without anyone remembering to add it, and a route without a
 * declared access fails here.
 */

jest.setTimeout(120_000);

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const keyPrefix = `test:matrix:${randomUUID()}:`;
const fixtures = join(__dirname, '..', '__fixtures__', 'plugins');
const OWNER_TEAM = 'matrix-team';

interface Caller {
  name: string;
  /** The Authorization header, or none. */
  authorization?: string;
  /** A session cookie (`Cookie` header), filled in once the person has signed in. */
  cookie?: string;
  /** What the caller holds; undefined for callers that prove nothing (they get 401 on every protected route). */
  permissions?: string[];
  teams?: string[];
}

const token = (name: string): string => `matrix-${name}-token`;
const callers: Caller[] = [
  { name: 'no credential' },
  { name: 'bad token', authorization: 'Bearer not-a-token-of-this-portal' },
  { name: 'no-permission token', authorization: `Bearer ${token('nobody')}`, permissions: [], teams: [] },
  { name: 'scoped token', authorization: `Bearer ${token('scoped')}`, permissions: ['catalog.entity.read:gizmo', 'catalog.entity.write:gizmo', 'good.report'], teams: [] },
  // A person signed in through OpenID Connect holds the default role, developer.
  { name: 'signed-in person', permissions: ['catalog.entity.read', 'actions.read', 'automations.read', 'actions.run', 'runs.read'], teams: [] },
  // That person's API token, scoped to reading gizmos.
  { name: 'scoped API token', permissions: ['catalog.entity.read:gizmo'], teams: [] },
  // A session that has been signed out.
  { name: 'ended session' },
  // The owner and the admin go last: their deletes may remove what the others' requests target.
  { name: 'owner', authorization: `Bearer ${token('owner')}`, permissions: [], teams: [OWNER_TEAM] },
  { name: 'admin', authorization: `Bearer ${token('admin')}`, permissions: ['*'], teams: [] },
];

interface Operation {
  method: string;
  path: string;
  operationId: string;
  access: { public?: boolean; signedIn?: boolean; tokensOnly?: boolean; permission?: string; scope?: string; orOwner?: string };
  security: unknown[];
  responses: Record<string, unknown>;
}

let portal: Portal;
let provider: LocalOidcProvider;
let operations: Operation[];
const values: Record<string, string> = { kind: 'gizmo', id: 'matrix-owned', subject: 'user:matrix-someone' };

async function call(method: string, path: string, authorization?: string, body?: unknown, cookie?: string): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (authorization) headers.authorization = authorization;
  // A browser sends its origin with a cookie; the CSRF guard refuses cookie writes from elsewhere.
  if (cookie) Object.assign(headers, { cookie, origin: portal.url });
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${portal.url}${path}`, { method: method.toUpperCase(), headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, text: await response.text() };
}

/** Signs a person in through the provider and answers their session's Cookie header. */
async function sessionOf(username: string): Promise<string> {
  const { jar, finish } = await signInOverHttp(portal.url, username);
  expect((await finish()).status).toBe(302);
  return jar.header(portal.url);
}

beforeAll(async () => {
  provider = await startLocalOidcProvider({ users: [{ id: 'sam', name: 'Sam' }, { id: 'leaver', name: 'Leaver' }], clients: [{ client_id: 'matrix', client_secret: 'matrix-secret' }] });
  portal = await startPortal({
    config: {
      plugins: [{ path: join(fixtures, 'good') }],
      auth: {
        tokens: [
          { name: 'nobody', sha256: sha256Hex(token('nobody')) },
          { name: 'scoped', sha256: sha256Hex(token('scoped')), permissions: ['catalog.entity.read:gizmo', 'catalog.entity.write:gizmo', 'good.report'] },
          { name: 'owner', sha256: sha256Hex(token('owner')), kind: 'user', teams: [OWNER_TEAM] },
          { name: 'admin', sha256: sha256Hex(token('admin')), permissions: ['*'] },
        ],
        oidc: { issuer: provider.issuer, clientId: 'matrix', clientSecret: 'matrix-secret' },
      },
      // The matrix sends a hundred bad credentials from one address on purpose.
      rateLimit: { failedAuth: false },
    },
    port: 0,
    redisUrl,
    keyPrefix,
    ui: false,
  });
  const admin = `Bearer ${token('admin')}`;
  const owned = await call('post', '/api/v1/kinds/gizmo/entities', admin, { id: 'matrix-owned', title: 'Owned by the matrix team', owner: OWNER_TEAM, properties: { size: 1 } });
  expect(owned.status).toBe(201);
  const run = await call('post', '/api/v1/actions/good.hello/runs', admin, { entity: { kind: 'gizmo', id: 'matrix-owned' }, inputs: {} });
  expect(run.status).toBe(201);
  values.runId = JSON.parse(run.text).id;
  const person = callers.find((c) => c.name === 'signed-in person')!;
  person.cookie = await sessionOf('sam');
  const minted = await call('post', '/api/v1/tokens', undefined, { name: 'matrix', scopes: ['catalog.entity.read:gizmo'], expiresInDays: 1 }, person.cookie);
  expect(minted.status).toBe(201);
  callers.find((c) => c.name === 'scoped API token')!.authorization = `Bearer ${JSON.parse(minted.text).value}`;
  const ended = callers.find((c) => c.name === 'ended session')!;
  ended.cookie = await sessionOf('leaver');
  expect((await call('post', '/api/v1/auth/logout', undefined, {}, ended.cookie)).status).toBeLessThan(300);
  const document = JSON.parse((await call('get', '/api/v1/openapi.json', admin)).text) as { paths: Record<string, Record<string, Omit<Operation, 'method' | 'path' | 'access'> & { 'x-portico-access': Operation['access'] }>> };
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method, path, operationId: op.operationId, access: op['x-portico-access'], security: op.security, responses: op.responses })),
  );
});

afterAll(async () => {
  await portal?.close();
  await provider?.stop();
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, retryStrategy: () => null });
  const keys = await redis.keys(`${keyPrefix}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

/** A path with its parameters filled: entities, runs, actions and subjects that exist. */
function fill(path: string): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    if (name === 'id' && path.startsWith('/runs/')) return values.runId;
    if (name === 'id' && path.startsWith('/actions/')) return 'good.hello';
    return encodeURIComponent(values[name] ?? 'matrix-x');
  });
}

/** Bodies the owner's routes need to get past validation to the ownership decision. */
function bodyFor(op: Operation): unknown {
  if (op.method === 'get' || op.method === 'delete') return undefined;
  switch (op.operationId) {
    case 'createEntity':
      return { id: `matrix-new-${randomUUID().slice(0, 8)}`, title: 'New', owner: OWNER_TEAM, properties: { size: 2 } };
    case 'putEntity':
      return { title: 'Replaced', owner: OWNER_TEAM, properties: { size: 3 } };
    case 'patchEntity':
      return { title: 'Patched' };
    case 'reportRun':
      return { progress: 10 };
    case 'appendRunLogs':
      return { message: 'a line' };
    default:
      return {};
  }
}

/** Routes an owner of matrix-owned may call without holding their permission. */
const OWNER_PASSES = new Set(['createEntity', 'putEntity', 'patchEntity', 'deleteEntity']);

function expected(op: Operation, caller: Caller): 401 | 403 | 'allowed' {
  if (op.access.public) return 'allowed';
  if (caller.permissions === undefined) return 401;
  if (op.access.tokensOnly && caller.cookie) return 401;
  if (op.access.signedIn) return 'allowed';
  const permission = op.access.scope === 'kind' ? scopedPermission(op.access.permission!, values.kind) : op.access.permission!;
  if (hasPermission({ permissions: caller.permissions }, permission)) return 'allowed';
  if (op.access.orOwner && OWNER_PASSES.has(op.operationId) && (caller.teams ?? []).includes(OWNER_TEAM)) return 'allowed';
  return 403;
}

/** Deletes and signing out last, so a caller's own delete or sign-out does not change what its other requests meet. */
function ordered(ops: Operation[]): Operation[] {
  const late = (op: Operation): number => (op.operationId === 'signOut' ? 2 : op.method === 'delete' ? 1 : 0);
  return [...ops].sort((a, b) => late(a) - late(b));
}

/**
 * Routes on one run or token that answer a caller who may not even see it with the same
 * 404 as a missing one, so ids reveal nothing: for them a 404 is the refusal.
 */
const HIDDEN_WHEN_REFUSED = new Set(['cancelRun', 'rerunRun', 'revokeApiToken']);

describe('the authorization matrix', () => {
  it('covers the whole API, and every operation declares its access, security and 4xx answers', () => {
    expect(operations.length).toBeGreaterThan(30);
    for (const op of operations) {
      const where = `${op.method.toUpperCase()} ${op.path}`;
      const forms = [op.access?.public, op.access?.signedIn, op.access?.permission !== undefined].filter(Boolean).length;
      expect([where, forms]).toEqual([where, 1]);
      expect([where, Array.isArray(op.security)]).toEqual([where, true]);
      expect([where, op.access.public ? op.security.length === 0 : op.security.length > 0]).toEqual([where, true]);
      expect([where, Object.keys(op.responses).some((status) => /^4\d\d$/.test(status))]).toEqual([where, true]);
    }
    // The kernel's, the catalog's, the runner's, auth's and a plugin's routes are all there.
    for (const id of ['getIdentity', 'createKind', 'patchEntity', 'startRun', 'reportRun', 'putRoleAssignment', 'good.get_report']) expect(operations.map((o) => o.operationId)).toContain(id);
  });

  it.each(callers.map((caller) => [caller.name, caller] as const))('answers %s with the status each route declares', async (_name, caller) => {
    const mismatches: string[] = [];
    // What the portal says the caller holds is what the matrix expects it to enforce.
    if (caller.permissions !== undefined) {
      const me = JSON.parse((await call('get', '/api/v1/me', caller.authorization, undefined, caller.cookie)).text) as { permissions: string[]; teams: string[] };
      expect([...me.permissions].sort()).toEqual([...caller.permissions].sort());
    }
    for (const op of ordered(operations)) {
      const want = expected(op, caller);
      const { status, text } = await call(op.method, `/api/v1${fill(op.path)}`, caller.authorization, bodyFor(op), caller.cookie);
      const ok = want === 'allowed' ? status !== 401 && status !== 403 && status < 500 : status === want || (want === 403 && status === 404 && HIDDEN_WHEN_REFUSED.has(op.operationId));
      if (!ok) mismatches.push(`${op.method.toUpperCase()} ${op.path} (${op.operationId}): expected ${want}, got ${status} ${text.slice(0, 160)}`);
      if (status >= 500) mismatches.push(`${op.method.toUpperCase()} ${op.path}: a ${status} is never an answer`);
    }
    expect(mismatches).toEqual([]);
  });
});
