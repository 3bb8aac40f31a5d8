import { ServiceUnavailableError } from '@portico/plugin-api';

/**
 * Reconnect forever: 100 ms, 200 ms, ... then every 2 s; a Redis outage of any length ends by itself.
 * @public
 */
export function redisBackoff(attempt: number): number {
  return Math.min(attempt * 100, 2000);
}

/**
 * ioredis options for a connection that serves requests: while Redis is away a command waits for
 * one reconnection attempt at most (2 s), then fails, so the request gets a 503 instead of
 * hanging; a command sent just as Redis comes back still succeeds. The connection keeps
 * reconnecting with back-off until Redis is back.
 * `blocking` connections (XREAD BLOCK loops, subscribers, BullMQ workers) keep their commands
 * across reconnects instead: their loops retry anyway.
 * @public
 */
export function redisOptions(purpose: 'requests' | 'blocking' = 'requests'): { lazyConnect: true; retryStrategy: (attempt: number) => number; maxRetriesPerRequest: number | null; enableOfflineQueue: boolean } {
  return purpose === 'requests'
    ? { lazyConnect: true, retryStrategy: redisBackoff, maxRetriesPerRequest: 1, enableOfflineQueue: true }
    : { lazyConnect: true, retryStrategy: redisBackoff, maxRetriesPerRequest: null, enableOfflineQueue: true };
}

/**
 * One Redis connection's state, as `/readyz` reports it.
 * @public
 */
export interface RedisConnectionHealth {
  /** What the connection is for: `catalog`, `catalog-events`, `runs`, `queue`, ... */
  name: string;
  /** ioredis's status: `ready` when usable; `connecting`, `reconnecting`, `close`, `end` otherwise. */
  status: string;
}

const UNAVAILABLE_MESSAGES = [/enableOfflineQueue options is false/, /^Connection is closed\.?$/, /Reached the max retries per request limit/, /^(LOADING|MASTERDOWN|READONLY|TRYAGAIN|CLUSTERDOWN)\b/, /^connect (ECONNREFUSED|ETIMEDOUT)/];
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTCONN']);

/**
 * The 503 for an error that means Redis is unreachable (or still loading), or null for any other error.
 * @public
 */
export function storeUnavailable(error: unknown): ServiceUnavailableError | null {
  if (!(error instanceof Error)) return null;
  const code = (error as Error & { code?: string }).code;
  if (error.name !== 'MaxRetriesPerRequestError' && !(code && UNAVAILABLE_CODES.has(code)) && !UNAVAILABLE_MESSAGES.some((re) => re.test(error.message))) return null;
  return new ServiceUnavailableError('The portal\'s store (Redis) is unavailable right now, so this request was not carried out; retry in a few seconds. /readyz shows which connection is down.');
}
