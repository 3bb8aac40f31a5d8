import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { startPortal, type Portal } from './start-portal';

// Hostile requests over every route of the OpenAPI document: never a 5xx, never a stack trace
// or a file path, the process alive, and the catalog unchanged by what was refused.
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefixRoot = `test:hostile:${randomUUID()}:`;
const fixtures = join(__dirname, '..', '__fixtures__', 'plugins');
jest.setTimeout(120_000);

/** mulberry32: the same hostile requests on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE_SEGMENTS = ['__proto__', 'constructor', 'prototype', '%00', '..%2F..%2Fetc%2Fpasswd', 'a'.repeat(3000), '%F0%9F%98%80', '%E0%A4%A', '99999999999999999999', '-1', '0', 'null', '%7Bid%7D', "'%20OR%201=1", 'gizmo%2Fx', 'UPPER', '%20', 'run_zzzzzzzzzzzz', '1e309', '%C0%AF'];
const HOSTILE_QUERY = ['99999999999999999999', '99999999999999999999-0', '18446744073709551616-0', '-1', '0', 'NaN', '1e309', 'x'.repeat(10_000), '%00', '%F0%9F%98%80', 'eyJub3QiOiJhIGN1cnNvciJ9', '!!!', 'true', '[]', '{"$gt":""}', '1.5', '%E0%A4%A'];
const deep = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
const HOSTILE_BODIES: Array<{ type: string; body: string }> = [
  { type: 'application/json', body: deep(10_000) },
  { type: 'application/json', body: '{"a":'.repeat(70) + '1' + '}'.repeat(70) },
  { type: 'application/json', body: '{"__proto__":{"isAdmin":true}}' },
  { type: 'application/json', body: '{"constructor":{"prototype":{"polluted":1}}}' },
  { type: 'application/json', body: '{"id":"x","title":"t","properties":{"__proto__":{"a":1}}}' },
  { type: 'application/json', body: '[]' },
  { type: 'application/json', body: '"just a string"' },
  { type: 'application/json', body: '12345' },
  { type: 'application/json', body: 'null' },
  { type: 'application/json', body: '{"limit":1e400,"size":99999999999999999999999999999,"cursor":"%%%"}' },
  { type: 'application/json', body: JSON.stringify({ id: 'x'.repeat(100_000), title: 'y'.repeat(200_000) }) },
  { type: 'application/json', body: '{"title":"\\ud800","id":"\\u0000"}' },
  { type: 'application/json', body: '{"broken":' },
  { type: 'application/json', body: JSON.stringify({ kind: 'gizmo', filter: { combinator: 'and', rules: [{ property: '__proto__', operator: '=', value: 1 }] }, limit: -5, cursor: 'garbage' }) },
  { type: 'application/json', body: JSON.stringify({ id: 'evil', title: 'Evil', schema: { type: 'object', properties: { n: { type: 'string', pattern: '(a)\\1' } } } }) },
  { type: 'application/json', body: JSON.stringify({ inputs: { size: 'not a number' }, entity: { kind: '__proto__', id: 'x' } }) },
  { type: 'text/plain', body: '{"inputs":{}}' },
  { type: 'application/x-www-form-urlencoded', body: 'a=1&b[__proto__]=2' },
];
const LEAKS = [/\bat [\w.<>]+ \(/, /node_modules/, /\/work\//, /\.ts:\d+/, /\bError:\s/, /\/src\//];

interface Operation {
  method: string;
  path: string;
  query: string[];
}

async function snapshot(url: string): Promise<string> {
  const kinds = await (await fetch(`${url}/api/v1/kinds`)).json();
  const entities = await (await fetch(`${url}/api/v1/kinds/gizmo/entities?limit=1000`)).json();
  const actions = await (await fetch(`${url}/api/v1/actions`)).json();
  return JSON.stringify({ kinds, entities, actions });
}

describe('hostile requests over every route', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal({ config: { plugins: [{ path: join(fixtures, 'good') }], auth: { guest: true } }, port: 0, redisUrl, keyPrefix: `${prefixRoot}fuzz:`, ui: false });
    // The fixture's provider writes one entity at start; wait for it so the snapshot is final.
    for (let i = 0; i < 100 && (await fetch(`${portal.url}/api/v1/kinds/gizmo/entities/from-provider`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 50));
  });
  afterAll(async () => {
    await portal?.close();
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, retryStrategy: () => null });
    const keys = await redis.keys(`${prefixRoot}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('answers 2,400 of them with no 5xx and no internals, stays up, and changes nothing', async () => {
    const document = (await (await fetch(`${portal.url}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>> };
    const operations: Operation[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(methods)) operations.push({ method: method.toUpperCase(), path, query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name) });
    }
    expect(operations.length).toBeGreaterThan(30);
    const before = await snapshot(portal.url);
    const rand = random(20261202);
    const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)];
    const requests: Array<{ method: string; url: string; headers: Record<string, string>; body?: string }> = [];
    for (let i = 0; requests.length < 2400; i++) {
      const op = operations[i % operations.length];
      const path = op.path.replace(/\{[^}]+\}/g, () => (rand() < 0.25 ? pick(['gizmo', 'good.hello', 'from-provider']) : pick(HOSTILE_SEGMENTS)));
      const query: string[] = [];
      for (const name of op.query) if (rand() < 0.7) query.push(rand() < 0.15 ? `${name}[__proto__]=1&${name}=2` : `${name}=${pick(HOSTILE_QUERY)}`);
      if (rand() < 0.2) query.push(`after=${pick(HOSTILE_QUERY)}`);
      const headers: Record<string, string> = {};
      if (rand() < 0.1) headers.authorization = pick(['Bearer wrong', 'Basic Zm9vOmJhcg==', 'Bearer ' + 'x'.repeat(5000), 'Bearer \u00e9']);
      if (rand() < 0.1) headers['sec-fetch-site'] = 'cross-site';
      if (rand() < 0.1) headers['last-event-id'] = pick(HOSTILE_QUERY);
      let body: string | undefined;
      if (op.method !== 'GET' && op.method !== 'DELETE') {
        const hostile = pick(HOSTILE_BODIES);
        headers['content-type'] = hostile.type;
        body = hostile.body;
      }
      requests.push({ method: op.method, url: `${portal.url}/api/v1${path}${query.length ? `?${query.join('&')}` : ''}`, headers, body });
    }
    const failures: string[] = [];
    const writes: string[] = [];
    const seen = new Set<number>();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < requests.length) {
        const r = requests[next++];
        let status: number;
        let text: string;
        try {
          const res = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body, signal: AbortSignal.timeout(15_000) });
          status = res.status;
          text = await res.text();
        } catch (error) {
          failures.push(`${r.method} ${r.url.slice(0, 200)}: no answer (${(error as Error).message})`);
          continue;
        }
        seen.add(status);
        if (status >= 500) failures.push(`${r.method} ${r.url.slice(0, 200)} → ${status} ${text.slice(0, 300)}`);
        else if (LEAKS.some((re) => re.test(text))) failures.push(`${r.method} ${r.url.slice(0, 200)} → ${status} leaks internals: ${text.slice(0, 300)}`);
        if (r.method !== 'GET' && status < 300) writes.push(`${r.method} ${r.url.slice(0, 200)} → ${status}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(failures).toEqual([]);
    expect((await fetch(`${portal.url}/healthz`)).status).toBe(200);
    // The public webhook echo and sign-out change nothing; every other write must have been refused.
    expect(writes.filter((w) => !/\/plugins\/good\/hook|\/auth\/logout/.test(w))).toEqual([]);
    expect([...seen].sort()).toEqual(expect.arrayContaining([400, 401, 403, 404, 415, 429]));
    expect(await snapshot(portal.url)).toBe(before);
  });
});

describe('a catastrophic pattern in a kind schema', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal({ config: { plugins: [], auth: { guest: true } }, port: 0, redisUrl, keyPrefix: `${prefixRoot}redos:`, ui: false });
  });
  afterAll(() => portal?.close());

  it('is evaluated in linear time (under 50 ms for 30 a\'s and a "!") while /healthz answers; unsupported patterns are refused naming them', async () => {
    const json = { 'content-type': 'application/json' };
    const kind = await fetch(`${portal.url}/api/v1/kinds/evil`, { method: 'PUT', headers: json, body: JSON.stringify({ title: 'Evil', schema: { type: 'object', properties: { name: { type: 'string', pattern: '^(a+)+$' } } } }) });
    expect(kind.status).toBe(201);
    const post = (name: string): Promise<Response> => fetch(`${portal.url}/api/v1/kinds/evil/entities`, { method: 'POST', headers: json, body: JSON.stringify({ id: 'e1', title: 'E', properties: { name } }) });
    let fastest = Infinity;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const [res, health] = await Promise.all([post(`${'a'.repeat(30)}!`), fetch(`${portal.url}/healthz`)]);
      fastest = Math.min(fastest, performance.now() - started);
      expect(res.status).toBe(400);
      expect((await res.json()).errors).toEqual([{ pointer: '/properties/name', message: 'must match pattern "^(a+)+$"' }]);
      expect(health.status).toBe(200);
    }
    expect(fastest).toBeLessThan(50);
    // Linear, not merely lucky: 100,000 characters still take far less than a second.
    const started = performance.now();
    expect((await post(`${'a'.repeat(100_000)}!`)).status).toBe(400);
    expect(performance.now() - started).toBeLessThan(1000);
    expect((await post('aaaa')).status).toBe(201);

    const refused = await fetch(`${portal.url}/api/v1/kinds/backref`, { method: 'PUT', headers: json, body: JSON.stringify({ title: 'Backref', schema: { type: 'object', properties: { twice: { type: 'string', pattern: '^(a)\\1$' } } } }) });
    expect(refused.status).toBe(400);
    const problem = await refused.json();
    expect(problem.errors).toEqual([{ pointer: '/schema/properties/twice/pattern', message: expect.stringContaining('the pattern "^(a)\\\\1$" cannot be used') }]);
    expect((await fetch(`${portal.url}/api/v1/kinds/backref`)).status).toBe(404);
  });
});

describe('security headers, CSRF and rate limits of a portal', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal({
      config: { plugins: [{ path: join(fixtures, 'good') }], auth: { guest: true }, rateLimit: { perAddress: { requests: 40, seconds: 60 } } },
      port: 0,
      redisUrl,
      keyPrefix: `${prefixRoot}headers:`,
    });
  });
  afterAll(() => portal?.close());

  it('sets security headers on / and /api/v1, with a CSP naming the shell\'s inline scripts by hash', async () => {
    for (const path of ['/', '/api/v1/kinds', '/api/v1/nope']) {
      const res = await fetch(`${portal.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
    }
    const shell = await fetch(`${portal.url}/`);
    // The shell is built before the tests (npm test builds every package), so the check always runs.
    expect(shell.status).toBe(200);
    expect(shell.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+' 'sha256-/);
  });

  it('refuses a cross-site text/plain POST that would start a run as the guest, and starts none', async () => {
    const forged = await fetch(`${portal.url}/api/v1/actions/good.hello/runs`, { method: 'POST', headers: { 'content-type': 'text/plain', origin: 'https://evil.example.net', 'sec-fetch-site': 'cross-site' }, body: '{"inputs":{}}' });
    expect(forged.status).toBe(403);
    expect(forged.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const plain = await fetch(`${portal.url}/api/v1/actions/good.hello/runs`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"inputs":{}}' });
    expect(plain.status).toBe(415);
    const runs = await (await fetch(`${portal.url}/api/v1/runs?actionId=good.hello`)).json();
    expect(runs.items).toEqual([]);
  });

  it('answers 429 with Retry-After once an address passes the configured rate', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 50; i++) {
      const res = await fetch(`${portal.url}/api/v1/plugins`);
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.slice(-5)).toEqual([429, 429, 429, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});
