import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { startPortal } from '@portico/kernel';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const FIXTURES = join(__dirname, '..', '..', 'test-fixtures');

export type PortalConfig = NonNullable<Parameters<typeof startPortal>[0]>['config'];

export interface TestPortal {
  url: string;
  close(): Promise<void>;
}

/** Deletes every key under the prefixes (tests own their prefixes). */
export async function deleteKeys(prefixes: string[]): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, retryStrategy: () => null, lazyConnect: true });
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

/** A portal on real Redis under its own key prefix (pass the same prefix to restart onto the same data). */
export async function startTestPortal(config: PortalConfig, options: { keyPrefix: string; baseDir?: string }): Promise<TestPortal> {
  const portal = await startPortal({ config, port: 0, host: '127.0.0.1', redisUrl: REDIS_URL, keyPrefix: options.keyPrefix, baseDir: options.baseDir });
  return { url: portal.url, close: () => portal.close() };
}

export function newKeyPrefix(name: string): string {
  return `test:ui-${name}:${randomUUID()}:`;
}
