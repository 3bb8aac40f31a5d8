import { Redis } from 'ioredis';

/**
 * The Redis tests use: REDIS_URL, else the local default.
 * @alpha
 */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A Redis client that fails fast instead of retrying forever when Redis is down.
 * @alpha
 */
export function connectTestRedis(url = TEST_REDIS_URL): Redis {
  return new Redis(url, { maxRetriesPerRequest: 1, retryStrategy: () => null, lazyConnect: true });
}

/**
 * Checks that Redis answers. A test that needs Redis calls this first: it throws with the fix when
 * Redis is unreachable, so a missing Redis fails the run (under CI and everywhere else), never skips it.
 * @alpha
 */
export async function requireRedis(url = TEST_REDIS_URL): Promise<void> {
  const redis = connectTestRedis(url);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`This test needs Redis at ${url} (${(error as Error).message}). Start redis-server, or set REDIS_URL.`);
  } finally {
    redis.disconnect();
  }
}

/**
 * Deletes every key under each prefix (a test owns its prefixes).
 * @alpha
 */
export async function deleteRedisKeys(prefixes: string[], url = TEST_REDIS_URL): Promise<void> {
  const redis = connectTestRedis(url);
  await redis.connect();
  try {
    for (const prefix of prefixes) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) await redis.del(...keys);
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}
