import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { RunStatus } from '@portico/plugin-api';
import { RedisStateStore } from '../state/redis-state-store';
import { RunTokenSigner } from './run-token-signer';
import { RunTokenSource } from './run-token-source';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('per-run callback tokens', () => {
  const prefix = `test:auth:${randomBytes(4).toString('hex')}:`;
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, retryStrategy: (n) => (n > 3 ? null : 100) });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('shares one key across instances, works for its run only while it is open, and refuses forgeries', async () => {
    // Two portal instances on one Redis: the first creates the key, the second reads the same one.
    const [first, second] = await Promise.all([RunTokenSigner.open(new RedisStateStore(redis, prefix)), RunTokenSigner.open(new RedisStateStore(redis, prefix))]);
    const token = first.issue('run_abc');
    expect(second.issue('run_abc')).toBe(token);
    expect(second.runIdOf(token)).toBe('run_abc');
    expect(second.runIdOf(token.replace('run_abc', 'run_abd'))).toBeNull();
    expect(second.runIdOf(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();

    const statuses: Record<string, RunStatus> = { run_abc: 'running' };
    const source = new RunTokenSource(second, { statusOf: async (id) => statuses[id] ?? null });
    await expect(source.resolve({ bearer: token })).resolves.toEqual({ id: 'run:run_abc', kind: 'run', displayName: 'Callback of run run_abc', teams: [], isGuest: false, permissions: [], roles: [], via: 'run-token', runId: 'run_abc' });
    await expect(source.resolve({ bearer: 'some-other-token' })).resolves.toBeUndefined();
    await expect(source.resolve({ bearer: 'prt_run_abc.forged' })).resolves.toBeNull();
    await expect(source.resolve({ bearer: first.issue('run_unknown') })).resolves.toBeNull();
    statuses.run_abc = 'succeeded';
    await expect(source.resolve({ bearer: token })).rejects.toThrow('This callback token was issued for run run_abc, which has ended (succeeded); an ended run takes no more reports.');
  });
});
