import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { LoggerService, SecretsService } from '@portico/plugin-api';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export function testPrefix(): string {
  return `test:actions:${randomBytes(4).toString('hex')}:`;
}

/** Collects log calls so tests can look at warnings; prints nothing. */
export function testLogger(lines: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = []): LoggerService {
  const make = (base: Record<string, unknown>): LoggerService => ({
    debug: (message, fields) => void lines.push({ level: 'debug', message, fields: { ...base, ...fields } }),
    info: (message, fields) => void lines.push({ level: 'info', message, fields: { ...base, ...fields } }),
    warn: (message, fields) => void lines.push({ level: 'warn', message, fields: { ...base, ...fields } }),
    error: (message, fields) => void lines.push({ level: 'error', message, fields: { ...base, ...fields } }),
    child: (fields) => make({ ...base, ...fields }),
  });
  return make({});
}

export function testSecrets(values: Record<string, string> = {}): SecretsService {
  return { get: async (name) => values[name] };
}

/** Deletes every key under the prefix (tests clean up after themselves). */
export async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, retryStrategy: (n) => (n > 3 ? null : 100) });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
