import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Redis } from 'ioredis';
import { createApiRouter } from './api-router';
import { createHttpApp } from './create-http-app';
import { defineRoute } from './api-route';
import type { RateLimitOptions } from './rate-limits';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ping = defineRoute({ method: 'get', path: '/ping', operationId: 'ping', summary: 'Ping', access: { signedIn: 'any' }, responses: {}, handler: () => ({ body: { ok: true } }) } as never);

function app(rateLimit: RateLimitOptions): ReturnType<typeof createHttpApp> {
  return createHttpApp({
    api: [{ prefix: '', router: createApiRouter([ping]) }],
    rateLimit,
    authenticate: async (authorization) => (authorization === 'Bearer good' || authorization === undefined ? { id: 'token:ci', kind: 'token', displayName: 'ci', teams: [], isGuest: false, permissions: [] } : null),
  });
}

describe('rate limits', () => {
  let redis: Redis;
  const keyPrefix = `test:ratelimit:${randomUUID()}:`;
  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
    await redis.connect();
  });
  afterAll(async () => {
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('answers 429 with Retry-After after the configured number of requests per address (Redis-backed)', async () => {
    const server = app({ perAddress: { requests: 5, seconds: 60 }, redis, keyPrefix });
    for (let i = 0; i < 5; i++) await request(server).get('/api/v1/ping').expect(200);
    const limited = await request(server).get('/api/v1/ping').expect(429);
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.detail).toMatch(/More than 5 requests in 60 s/);
    expect(await redis.keys(`${keyPrefix}*`)).not.toHaveLength(0);
  });

  it('counts per identity', async () => {
    const server = app({ perIdentity: { requests: 3, seconds: 60 } });
    for (let i = 0; i < 3; i++) await request(server).get('/api/v1/ping').set('authorization', 'Bearer good').expect(200);
    const limited = await request(server).get('/api/v1/ping').set('authorization', 'Bearer good').expect(429);
    expect(limited.body.detail).toMatch(/token:ci sent more than 3 requests/);
  });

  it('limits failed authentication per address by default: a burst of 1,000 bad tokens meets 429s, and then even a good token waits', async () => {
    const server = app({});
    const statuses: number[] = [];
    for (let i = 0; i < 1000; i += 50) {
      const batch = await Promise.all(Array.from({ length: 50 }, (_, j) => request(server).get('/api/v1/ping').set('authorization', `Bearer bad-${i + j}`)));
      statuses.push(...batch.map((r) => r.status));
    }
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(51);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(900);
    const blocked = await request(server).get('/api/v1/ping').set('authorization', 'Bearer good').expect(429);
    expect(blocked.headers['retry-after']).toBeTruthy();
    await request(server).get('/api/v1/ping').set('authorization', 'Bearer bad').expect(429);
  });
});
