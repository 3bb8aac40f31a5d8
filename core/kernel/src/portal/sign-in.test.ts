import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { SESSION_COOKIE } from '@portico/http';
import { sha256Hex } from '@portico/auth';
import { CookieJar, fetchWithJar, signInOverHttp, startLocalOidcProvider, type LocalOidcProvider } from '@portico/auth/testing';
import { startPortal, type Portal } from './start-portal';

// Sign-in through a real OpenID Connect provider (oidc-provider, in its own process) into a
// portal on real Redis: the redirect, the provider's form, the callback, the session cookie,
// teams from the catalog's User entities, sign-out, expiry and the refusals.
jest.setTimeout(60_000);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const keyPrefix = `test:kernel-sign-in:${randomUUID()}:`;
const ADMIN = 'admin-token-for-seeding';
let provider: LocalOidcProvider;
let portal: Portal;
let redis: Redis;

async function asAdmin(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${portal.url}/api/v1${path}`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

async function json(response: Response): Promise<Record<string, unknown>> {
  return (await response.json()) as Record<string, unknown>;
}

async function signedIn(username: string): Promise<CookieJar> {
  const { jar, finish } = await signInOverHttp(portal.url, username);
  const done = await finish();
  expect(done.status).toBe(302);
  return jar;
}

beforeAll(async () => {
  redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, retryStrategy: () => null });
  provider = await startLocalOidcProvider({
    users: [
      { id: 'alice', name: 'Alice Martin', email: 'alice@example.com' },
      // Matched to the catalog's User "carol" by email; "ops" comes from the groups claim.
      { id: 'c.diaz', name: 'C. Diaz', email: 'carol@example.com', groups: ['ops'] },
      { id: 'nobody', name: 'No Body' },
    ],
    clients: [{ client_id: 'portal', client_secret: 'portal-secret' }],
  });
  portal = await startPortal({
    config: {
      plugins: [],
      auth: {
        tokens: [{ name: 'seeder', sha256: sha256Hex(ADMIN), roles: ['admin'] }],
        oidc: { issuer: provider.issuer, clientId: 'portal', clientSecret: 'portal-secret', scopes: ['openid', 'profile', 'email', 'groups'], groupsAsTeams: true },
      },
    },
    port: 0,
    redisUrl,
    keyPrefix,
    ui: false,
  });
  await asAdmin('/kinds', { id: 'team', title: 'Team', schema: { type: 'object', properties: {} } });
  await asAdmin('/kinds', { id: 'user', title: 'User', schema: { type: 'object', properties: { email: { type: 'string' }, displayName: { type: 'string' } } }, relations: { memberOf: { target: 'team', many: true } } });
  await asAdmin('/kinds', { id: 'service', title: 'Service', ownerKind: 'team', schema: { type: 'object', properties: { tier: { type: 'integer' } } } });
  for (const id of ['checkout-team', 'catalog-team', 'ops']) await asAdmin('/kinds/team/entities', { id, title: id });
  await asAdmin('/kinds/user/entities', { id: 'alice', title: 'Alice', properties: { email: 'alice@example.com', displayName: 'Alice Martin' }, relations: { memberOf: ['checkout-team'] } });
  await asAdmin('/kinds/user/entities', { id: 'carol', title: 'Carol', properties: { email: 'carol@example.com', displayName: 'Carol Diaz' }, relations: { memberOf: ['catalog-team'] } });
  await asAdmin('/kinds/service/entities', { id: 'cart', title: 'Cart', owner: 'checkout-team', properties: { tier: 1 } });
  await asAdmin('/kinds/service/entities', { id: 'search', title: 'Search', owner: 'catalog-team', properties: { tier: 1 } });
});

afterAll(async () => {
  await portal?.close();
  await provider?.stop();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  await redis.quit();
});

test('without a guest the API answers 401, and the session route says where to sign in', async () => {
  expect((await fetch(`${portal.url}/api/v1/me`)).status).toBe(401);
  const session = await fetch(`${portal.url}/api/v1/auth/session`);
  expect(session.status).toBe(200);
  expect(await session.json()).toEqual({ identity: null, signInUrl: '/api/v1/auth/login', ended: false });
});

test('signs in through the provider into a session whose identity has the catalog teams', async () => {
  const { jar, callbackUrl, finish } = await signInOverHttp(portal.url, 'alice', { returnTo: '/catalog/service/cart?tab=runs' });
  expect(callbackUrl.startsWith(`${portal.url}/api/v1/auth/callback?`)).toBe(true);
  const done = await finish();
  expect(done.status).toBe(302);
  expect(done.headers.get('location')).toBe('/catalog/service/cart?tab=runs');
  const setCookie = done.headers.getSetCookie().find((line) => line.startsWith(`${SESSION_COOKIE}=`))!;
  expect(setCookie).toMatch(/HttpOnly/);
  expect(setCookie).toMatch(/SameSite=Lax/);
  expect(setCookie).toMatch(/Path=\//);
  expect(setCookie).toMatch(/Max-Age=28800/);
  expect(setCookie).not.toMatch(/Secure/);
  const sessionId = jar.get(SESSION_COOKIE)!;
  expect(Buffer.from(sessionId, 'base64url')).toHaveLength(32);
  // The store holds the id's hash, never the id.
  const keys = await redis.keys(`${keyPrefix}*session:*`);
  expect(keys.some((key) => key.includes(sessionId))).toBe(false);
  expect(keys.some((key) => key.endsWith(`session:${sha256Hex(sessionId)}`))).toBe(true);

  const me = await json(await fetchWithJar(jar, `${portal.url}/api/v1/me`));
  expect(me).toMatchObject({ id: 'user:alice', kind: 'user', displayName: 'Alice Martin', teams: ['checkout-team'], isGuest: false, via: 'session', roles: ['developer'] });
  const session = await json(await fetchWithJar(jar, `${portal.url}/api/v1/auth/session`));
  expect(session).toMatchObject({ identity: { id: 'user:alice', teams: ['checkout-team'] }, ended: false });
});

test('a person matched by email gets that User entity’s teams plus the groups claim, refreshed when the catalog changes', async () => {
  const jar = await signedIn('c.diaz');
  const me = await json(await fetchWithJar(jar, `${portal.url}/api/v1/me`));
  expect(me).toMatchObject({ id: 'user:c.diaz', displayName: 'Carol Diaz', teams: ['catalog-team', 'ops'] });
  // A membership added in the catalog counts at once, without signing in again.
  const patched = await fetch(`${portal.url}/api/v1/kinds/user/entities/carol`, { method: 'PATCH', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: JSON.stringify({ relations: { memberOf: ['catalog-team', 'checkout-team'] } }) });
  expect(patched.status).toBe(200);
  expect((await json(await fetchWithJar(jar, `${portal.url}/api/v1/me`))).teams).toEqual(['catalog-team', 'checkout-team', 'ops']);
  // Someone with no User entity signs in with no team.
  const nobody = await signedIn('nobody');
  expect(await json(await fetchWithJar(nobody, `${portal.url}/api/v1/me`))).toMatchObject({ id: 'user:nobody', teams: [] });
});

test('a session edits what its team owns and is refused what it does not', async () => {
  const jar = await signedIn('alice');
  const write = (id: string, headers: Record<string, string> = {}) =>
    fetchWithJar(jar, `${portal.url}/api/v1/kinds/service/entities/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', origin: portal.url, ...headers }, body: JSON.stringify({ properties: { tier: 2 } }) });
  const own = await write('cart');
  expect(own.status).toBe(200);
  expect(await json(own)).toMatchObject({ properties: { tier: 2 }, meta: { updatedBy: 'user:alice' } });
  const other = await write('search');
  expect(other.status).toBe(403);
  expect((await json(other)).detail).toMatch(/catalog\.entity\.write:service.*user:alice/);
});

test('a cookie-authenticated write from another site is refused', async () => {
  const jar = await signedIn('alice');
  const crossSite = await fetchWithJar(jar, `${portal.url}/api/v1/kinds/service/entities/cart`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    body: JSON.stringify({ properties: { tier: 3 } }),
  });
  expect(crossSite.status).toBe(403);
  expect((await json(crossSite)).detail).toMatch(/from another site/);
  const cart = await fetch(`${portal.url}/api/v1/kinds/service/entities/cart`, { headers: { authorization: `Bearer ${ADMIN}` } });
  expect(((await json(cart)).properties as { tier: number }).tier).not.toBe(3);
});

test('signing out ends the session and clears the cookie; the old cookie is then refused', async () => {
  const jar = await signedIn('alice');
  const sessionId = jar.get(SESSION_COOKIE)!;
  const out = await fetchWithJar(jar, `${portal.url}/api/v1/auth/logout`, { method: 'POST', headers: { origin: portal.url } });
  expect(out.status).toBe(204);
  expect(out.headers.getSetCookie().find((line) => line.startsWith(`${SESSION_COOKIE}=`))).toMatch(/Expires=Thu, 01 Jan 1970/);
  expect(jar.get(SESSION_COOKIE)).toBeUndefined();
  const replayed = await fetch(`${portal.url}/api/v1/me`, { headers: { cookie: `${SESSION_COOKIE}=${sessionId}` } });
  expect(replayed.status).toBe(401);
});

test('an expired session is refused with a 401, and the session route drops its cookie', async () => {
  // A second portal on the same data whose sessions last 1.8 s (auth.session.ttlHours).
  const shortLived = await startPortal({
    config: { plugins: [], auth: { oidc: { issuer: provider.issuer, clientId: 'portal', clientSecret: 'portal-secret' }, session: { ttlHours: 0.0005 } } },
    port: 0,
    redisUrl,
    keyPrefix,
    ui: false,
  });
  try {
    const { jar, finish } = await signInOverHttp(shortLived.url, 'alice');
    const done = await finish();
    expect(done.headers.getSetCookie().find((line) => line.startsWith(`${SESSION_COOKIE}=`))).toMatch(/Max-Age=1;/);
    expect((await fetchWithJar(jar, `${shortLived.url}/api/v1/me`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    // The browser would have dropped the cookie by now; one that is replayed anyway is refused.
    const cookie = `${SESSION_COOKIE}=${jar.get(SESSION_COOKIE) ?? ''}`;
    const expired = await fetch(`${shortLived.url}/api/v1/me`, { headers: { cookie } });
    expect(expired.status).toBe(401);
    const session = await fetch(`${shortLived.url}/api/v1/auth/session`, { headers: { cookie } });
    expect(await session.json()).toEqual({ identity: null, signInUrl: '/api/v1/auth/login', ended: true });
    expect(session.headers.getSetCookie().find((line) => line.startsWith(`${SESSION_COOKIE}=`))).toMatch(/Expires=Thu, 01 Jan 1970/);
  } finally {
    await shortLived.close();
  }
});

test('a tampered state, a code traded with another sign-in’s PKCE verifier, or a replayed callback is a 400 problem', async () => {
  const first = await signInOverHttp(portal.url, 'alice');
  const tampered = new URL(first.callbackUrl);
  tampered.searchParams.set('state', 'forged-state');
  first.jar.set('portico_sign_in', 'forged-state', '/api/v1/auth/callback');
  const forged = await first.finish(tampered.href);
  expect(forged.status).toBe(400);
  expect(forged.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(await json(forged)).toMatchObject({ status: 400, title: 'Sign-in failed', detail: expect.stringContaining('unknown or expired') });

  // Alice's code with the state (and so the PKCE verifier and nonce) of another sign-in.
  const second = await signInOverHttp(portal.url, 'alice');
  const swapped = new URL(first.callbackUrl);
  swapped.searchParams.set('state', new URL(second.callbackUrl).searchParams.get('state')!);
  const mixed = await second.finish(swapped.href);
  expect(mixed.status).toBe(400);
  expect((await json(mixed)).detail).toMatch(/refused to exchange the code: invalid_grant/);

  // A callback from a sign-in this browser did not start (no binding cookie).
  const third = await signInOverHttp(portal.url, 'alice');
  const elsewhere = await fetch(third.callbackUrl, { redirect: 'manual' });
  expect(elsewhere.status).toBe(400);
  expect((await json(elsewhere)).detail).toMatch(/started in another browser/);
  // Each sign-in works once.
  expect((await third.finish()).status).toBe(302);
  third.jar.set('portico_sign_in', new URL(third.callbackUrl).searchParams.get('state')!, '/api/v1/auth/callback');
  expect((await third.finish()).status).toBe(400);
});

test('the provider refusing the sign-in is a 400 naming its error', async () => {
  const { jar, callbackUrl } = await signInOverHttp(portal.url, 'alice');
  const state = new URL(callbackUrl).searchParams.get('state')!;
  const denied = await fetchWithJar(jar, `${portal.url}/api/v1/auth/callback?error=access_denied&error_description=nope&state=${state}&iss=${encodeURIComponent(provider.issuer)}`);
  expect(denied.status).toBe(400);
  expect((await json(denied)).detail).toMatch(/refused the sign-in: access_denied \(nope\)/);
});

test.each(['https://evil.example/', '//evil.example', '/\\evil.example'])('refuses to start a sign-in that would return to %s', async (returnTo) => {
  const response = await fetch(`${portal.url}/api/v1/auth/login?returnTo=${encodeURIComponent(returnTo)}`, { redirect: 'manual' });
  expect(response.status).toBe(400);
  expect(response.headers.get('location')).toBeNull();
  expect(await json(response)).toMatchObject({ errors: [{ pointer: '/query/returnTo' }] });
});

test('sign-ins are in the audit log', async () => {
  await signedIn('alice');
  const audit = await fetch(`${portal.url}/api/v1/audit?action=session.signed-in`, { headers: { authorization: `Bearer ${ADMIN}` } });
  expect(audit.status).toBe(200);
  const items = ((await json(audit)).items ?? []) as Array<{ actor: string; action: string }>;
  expect(items.some((record) => record.actor === 'user:alice' && record.action === 'session.signed-in')).toBe(true);
});
