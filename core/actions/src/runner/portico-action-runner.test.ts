import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type ActionContext, type ActionDefinition, type Identity, type Run } from '@portico/plugin-api';
import { createActionRunner } from '../create-action-runner';
import type { PorticoActionRunner } from './portico-action-runner';
import { testCatalog } from '../__fixtures__/test-catalog';
import { REDIS_URL, deleteKeys, testLogger, testPrefix, testSecrets, waitFor } from '../__fixtures__/test-services';
import { REDACTED } from '../runs/run-inputs';

// Generous: these tests wait for real Redis and worker round trips on a shared 2-core machine.
jest.setTimeout(45_000);

const user = (name: string, teams: string[] = []): Identity => ({ id: `user:${name}`, kind: 'user', displayName: name, teams, isGuest: false });

function action(id: string, handler: (ctx: ActionContext) => Promise<void> | void, extra: Partial<ActionDefinition> = {}): ActionDefinition {
  return { id, title: id, operation: 'create', inputSchema: { type: 'object', properties: {} }, invocation: { type: 'handler', handler }, ...extra };
}

async function ended(runner: PorticoActionRunner, id: string, timeoutMs = 20_000): Promise<Run> {
  return waitFor(async () => {
    const run = await runner.getRun(id);
    return run && ['succeeded', 'failed', 'cancelled', 'declined', 'timed_out'].includes(run.status) ? run : null;
  }, `run ${id} to end`, timeoutMs);
}

describe.each([['embedded'], ['redis']])('action runner (%s)', (mode) => {
  let runner: PorticoActionRunner;
  let catalog: Awaited<ReturnType<typeof testCatalog>>;
  let prefix: string;
  let dataDir: string;

  beforeEach(async () => {
    prefix = testPrefix();
    dataDir = mkdtempSync(join(tmpdir(), 'portico-actions-'));
    catalog = await testCatalog({ redisUrl: mode === 'redis' ? REDIS_URL : undefined, keyPrefix: `${prefix}catalog:` });
    runner = await createActionRunner({
      redisUrl: mode === 'redis' ? REDIS_URL : undefined,
      keyPrefix: prefix,
      dataDir,
      catalog,
      logger: testLogger(),
      secrets: testSecrets({ 'api-key': 'k-123' }),
      workerConcurrency: 4,
    });
  });

  afterEach(async () => {
    await runner.close();
    await catalog.dispose();
    rmSync(dataDir, { recursive: true, force: true });
    if (mode === 'redis') await deleteKeys(prefix);
  });

  it('refuses duplicate ids naming both owners, and invalid definitions', () => {
    runner.registerAction(action('scaffold', () => undefined), 'cicd');
    expect(() => runner.registerAction(action('scaffold', () => undefined), 'other')).toThrow(ConflictError);
    expect(() => runner.registerAction(action('scaffold', () => undefined), 'other')).toThrow(/cicd.*other/);
    const bad = { ...action('Bad Id', () => undefined), operation: 'explode', inputSchema: { type: 'array' } } as unknown as ActionDefinition;
    try {
      runner.registerAction(bad, 'x');
      throw new Error('expected a ValidationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors?.map((e) => e.pointer)).toEqual(expect.arrayContaining(['/id', '/operation', '/inputSchema/type']));
    }
  });

  it('runs a handler: queued → running → succeeded with outputs, links, progress, affected entities and an ordered log', async () => {
    const seen: string[] = [];
    runner.registerAction(
      action(
        'create-env',
        async (ctx) => {
          seen.push(`${ctx.actor}:${String(ctx.inputs.name)}`);
          ctx.logger.info('creating', { step: 1 });
          await ctx.catalog.upsert({ kind: 'environment', id: String(ctx.inputs.name), title: 'Env' });
          ctx.setProgress(50);
          ctx.logger.child({ step: 2 }).warn('almost');
          ctx.setOutput('url', 'https://env.example');
          ctx.addLink({ title: 'Open', url: 'https://env.example' });
        },
        { inputSchema: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, days: { type: 'integer', default: 5 } } } },
      ),
      'envs',
    );
    const run = await runner.startRun({ actionId: 'create-env', inputs: { name: 'dev-1' }, actor: 'user:ann' });
    expect(run.status).toBe('queued');
    expect(run.inputs).toEqual({ name: 'dev-1', days: 5 });
    const done = await ended(runner, run.id);
    expect(done).toMatchObject({ status: 'succeeded', attempts: 1, outputs: { url: 'https://env.example' }, links: [{ title: 'Open', url: 'https://env.example' }], progress: 100, affectedEntities: [{ kind: 'environment', id: 'dev-1' }], error: null });
    expect(done.startedAt).toBeTruthy();
    expect(done.endedAt).toBeTruthy();
    expect(seen).toEqual(['user:ann:dev-1']);
    expect((await catalog.get({ kind: 'environment', id: 'dev-1' }))?.meta.createdBy).toBe('user:ann');
    const logs = await runner.readLogs(run.id);
    const messages = logs.map((l) => l.message);
    expect(messages.indexOf('creating')).toBeLessThan(messages.indexOf('almost'));
    expect(logs.find((l) => l.message === 'almost')).toMatchObject({ level: 'warn', fields: { step: 2 } });
    expect(logs[logs.length - 1]).toMatchObject({ type: 'end', fields: { status: 'succeeded' } });
    // Frozen once ended.
    await expect(runner.report(run.id, { outputs: { x: 1 } })).rejects.toThrow(ConflictError);
    await expect(runner.appendLogs(run.id, [{ message: 'late' }])).rejects.toThrow(ConflictError);
    await expect(runner.cancelRun(run.id, 'user:ann')).rejects.toThrow(ConflictError);
  });

  it('retries per policy, then succeeds; and fails once attempts are used up', async () => {
    let calls = 0;
    runner.registerAction(
      action(
        'flaky',
        () => {
          calls++;
          if (calls < 3) throw new Error(`boom ${calls}`);
        },
        { retry: { attempts: 3, backoffMs: 20 } },
      ),
      'p',
    );
    runner.registerAction(action('broken', () => Promise.reject(new Error('always')), { retry: { attempts: 2 } }), 'p');
    const flaky = await ended(runner, (await runner.startRun({ actionId: 'flaky', inputs: {}, actor: 'a' })).id);
    expect(flaky).toMatchObject({ status: 'succeeded', attempts: 3, error: null });
    const logs = (await runner.readLogs(flaky.id)).map((l) => l.message);
    expect(logs).toEqual(expect.arrayContaining(['Attempt 1 failed: boom 1; retrying in 20 ms', 'Attempt 2 failed: boom 2; retrying in 20 ms']));
    const broken = await ended(runner, (await runner.startRun({ actionId: 'broken', inputs: {}, actor: 'a' })).id);
    expect(broken).toMatchObject({ status: 'failed', attempts: 2, error: 'always' });
  });

  it('times out a run whose handler takes too long, firing its AbortSignal', async () => {
    let aborted = false;
    runner.registerAction(
      action(
        'slow',
        (ctx) =>
          new Promise<void>((resolve) => {
            ctx.signal.addEventListener('abort', () => {
              aborted = true;
              resolve();
            });
          }),
        { timeoutMs: 200 },
      ),
      'p',
    );
    const run = await ended(runner, (await runner.startRun({ actionId: 'slow', inputs: {}, actor: 'a' })).id);
    expect(run.status).toBe('timed_out');
    expect(run.error).toMatch(/200 ms/);
    expect(aborted).toBe(true);
  });

  it('cancels a running run: the handler sees its signal fire and later writes are refused', async () => {
    let started = false;
    let abortedWith: unknown = null;
    runner.registerAction(
      action('long', async (ctx) => {
        started = true;
        await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve()));
        abortedWith = ctx.signal.aborted;
        ctx.logger.info('after cancel');
        ctx.setOutput('late', true);
      }),
      'p',
    );
    const run = await runner.startRun({ actionId: 'long', inputs: {}, actor: 'a' });
    await waitFor(async () => started, 'the handler to start');
    await waitFor(async () => (await runner.getRun(run.id))?.status === 'running', 'running');
    const cancelled = await runner.cancelRun(run.id, 'user:bob');
    expect(cancelled.status).toBe('cancelled');
    await waitFor(async () => abortedWith === true, 'the signal to fire');
    await new Promise((r) => setTimeout(r, 100));
    const final = (await runner.getRun(run.id))!;
    expect(final.status).toBe('cancelled');
    expect(final.outputs).toEqual({});
    expect((await runner.readLogs(run.id)).map((l) => l.message)).not.toContain('after cancel');
  });

  it('cancels a queued run before any worker takes it; the worker then skips it', async () => {
    let calls = 0;
    const idle = await createActionRunner({ redisUrl: mode === 'redis' ? REDIS_URL : undefined, keyPrefix: `${prefix}idle:`, catalog, logger: testLogger(), secrets: testSecrets(), inProcessWorker: false });
    try {
      idle.registerAction(action('queued-only', () => void calls++), 'p');
      const run = await idle.startRun({ actionId: 'queued-only', inputs: {}, actor: 'a' });
      expect((await idle.cancelRun(run.id, 'user:ann'))).toMatchObject({ status: 'cancelled', error: 'Cancelled by user:ann' });
      await idle.startWorker();
      const other = await idle.startRun({ actionId: 'queued-only', inputs: {}, actor: 'a' });
      expect((await ended(idle, other.id)).status).toBe('succeeded');
      expect(calls).toBe(1);
      expect((await idle.getRun(run.id))?.status).toBe('cancelled');
    } finally {
      await idle.close();
      if (mode === 'redis') await deleteKeys(`${prefix}idle:`);
    }
  });

  it('gives the same run for the same idempotency key and creates no second run', async () => {
    let calls = 0;
    runner.registerAction(action('once', () => void calls++), 'p');
    const [a, b] = await Promise.all([
      runner.startRunDetailed({ actionId: 'once', inputs: {}, actor: 'a', idempotencyKey: 'k1' }),
      runner.startRunDetailed({ actionId: 'once', inputs: {}, actor: 'a', idempotencyKey: 'k1' }),
    ]);
    expect(a.run.id).toBe(b.run.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    await ended(runner, a.run.id);
    expect(calls).toBe(1);
    expect((await runner.listRuns({ actionId: 'once', limit: 10 })).items).toHaveLength(1);
  });

  it('waits for approval: any-mode approve runs it, decline ends it, non-approvers are refused', async () => {
    let calls = 0;
    runner.registerAction(action('deploy', () => void calls++, { approval: { users: ['user:ann'], teams: ['sre'] } }), 'p');
    const run = await runner.startRun({ actionId: 'deploy', inputs: {}, actor: 'user:dev' });
    expect(run.status).toBe('waiting_for_approval');
    await expect(runner.decide(run.id, user('mallory'), 'approve')).rejects.toThrow(ForbiddenError);
    expect((await runner.getRun(run.id))!.approvals).toEqual([]);
    await runner.decide(run.id, user('carl', ['team:sre']), 'approve', 'lgtm');
    const done = await ended(runner, run.id);
    expect(done.status).toBe('succeeded');
    expect(done.approvals).toEqual([expect.objectContaining({ by: 'user:carl', decision: 'approve', comment: 'lgtm' })]);
    expect(calls).toBe(1);

    const other = await runner.startRun({ actionId: 'deploy', inputs: {}, actor: 'user:dev' });
    const declined = await runner.decide(other.id, user('ann'), 'decline', 'not today');
    expect(declined).toMatchObject({ status: 'declined', approvals: [expect.objectContaining({ by: 'user:ann', decision: 'decline', comment: 'not today' })] });
    await expect(runner.decide(other.id, user('carl', ['sre']), 'approve')).rejects.toThrow(ConflictError);
    expect(calls).toBe(1);
  });

  it('in all-mode needs every listed approver', async () => {
    runner.registerAction(action('drop-table', () => undefined, { approval: { users: ['ann', 'bob'], mode: 'all' } }), 'p');
    const run = await runner.startRun({ actionId: 'drop-table', inputs: {}, actor: 'user:dev' });
    const half = await runner.decide(run.id, user('ann'), 'approve');
    expect(half.status).toBe('waiting_for_approval');
    await expect(runner.decide(run.id, user('ann'), 'approve')).rejects.toThrow(ConflictError);
    const full = await runner.decide(run.id, user('bob'), 'approve');
    expect(full.status).toBe('queued');
    expect((await ended(runner, run.id)).status).toBe('succeeded');
  });

  it('cancels a run waiting for approval', async () => {
    runner.registerAction(action('gated', () => undefined, { approval: { users: ['ann'] } }), 'p');
    const run = await runner.startRun({ actionId: 'gated', inputs: {}, actor: 'a' });
    expect((await runner.cancelRun(run.id, 'a')).status).toBe('cancelled');
    await expect(runner.decide(run.id, user('ann'), 'approve')).rejects.toThrow(ConflictError);
  });

  it('redacts secret inputs, hands them to the handler, and asks for them again on re-run', async () => {
    const received: unknown[] = [];
    runner.registerAction(
      action('add-secret', (ctx) => void received.push(ctx.inputs), {
        inputSchema: { type: 'object', required: ['name', 'value'], properties: { name: { type: 'string' }, value: { type: 'string', format: 'secret' }, token: { type: 'string', writeOnly: true } } },
      }),
      'p',
    );
    const run = await runner.startRun({ actionId: 'add-secret', inputs: { name: 'DB', value: 's3cret', token: 't0k' }, actor: 'a' });
    expect(run.inputs).toEqual({ name: 'DB', value: REDACTED, token: REDACTED });
    await ended(runner, run.id);
    expect(received).toEqual([{ name: 'DB', value: 's3cret', token: 't0k' }]);
    expect(JSON.stringify(await runner.getRun(run.id))).not.toContain('s3cret');
    expect(JSON.stringify(await runner.readLogs(run.id))).not.toContain('s3cret');
    await expect(runner.rerun(run.id, 'a')).rejects.toThrow(ValidationError);
    const again = await runner.rerun(run.id, 'b', { value: 'new', token: 'x' });
    await ended(runner, again.run.id);
    expect(received[1]).toEqual({ name: 'DB', value: 'new', token: 'x' });
  });

  it('refuses bad inputs, unknown actions and actions not offered on an entity, creating no run', async () => {
    runner.registerAction(action('resize', () => undefined, { kind: 'service', operation: 'day-2', condition: { combinator: 'and', rules: [{ property: 'tier', operator: '=', value: 'gold' }] }, inputSchema: { type: 'object', required: ['replicas'], properties: { replicas: { type: 'integer', minimum: 1 } } } }), 'p');
    await catalog.upsert({ kind: 'service', id: 'cart', title: 'Cart', properties: { tier: 'gold' } });
    await catalog.upsert({ kind: 'service', id: 'legacy', title: 'Legacy', properties: { tier: 'bronze' } });
    await expect(runner.startRun({ actionId: 'resize', entity: { kind: 'service', id: 'cart' }, inputs: { replicas: 0 }, actor: 'a' })).rejects.toMatchObject({ status: 400, errors: [{ pointer: '/inputs/replicas', message: 'must be >= 1' }] });
    await expect(runner.startRun({ actionId: 'nope', inputs: {}, actor: 'a' })).rejects.toThrow(NotFoundError);
    await expect(runner.startRun({ actionId: 'resize', entity: { kind: 'service', id: 'legacy' }, inputs: { replicas: 2 }, actor: 'a' })).rejects.toMatchObject({ status: 400, type: 'urn:portico:problem:action-not-offered' });
    await expect(runner.startRun({ actionId: 'resize', entity: { kind: 'service', id: 'ghost' }, inputs: { replicas: 2 }, actor: 'a' })).rejects.toThrow(NotFoundError);
    await expect(runner.startRun({ actionId: 'resize', inputs: { replicas: 2 }, actor: 'a' })).rejects.toThrow(ValidationError);
    expect((await runner.listRuns({ limit: 10 })).items).toEqual([]);
    expect((await runner.listActionsFor({ entity: { kind: 'service', id: 'cart' } })).map((a) => a.id)).toEqual(['resize']);
    expect(await runner.listActionsFor({ entity: { kind: 'service', id: 'legacy' } })).toEqual([]);
    const ok = await runner.startRun({ actionId: 'resize', entity: { kind: 'service', id: 'cart' }, inputs: { replicas: 2 }, actor: 'a' });
    expect((await ended(runner, ok.id)).status).toBe('succeeded');
  });

  it('lists runs newest first with filters and a cursor', async () => {
    runner.registerAction(action('a1', () => undefined), 'p');
    runner.registerAction(action('a2', () => undefined), 'p');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await runner.startRun({ actionId: i % 2 ? 'a2' : 'a1', inputs: {}, actor: i === 4 ? 'user:z' : 'user:y' })).id);
    await Promise.all(ids.map((id) => ended(runner, id)));
    const first = await runner.listRuns({ limit: 2 });
    const second = await runner.listRuns({ limit: 2, cursor: first.nextCursor! });
    const third = await runner.listRuns({ limit: 2, cursor: second.nextCursor! });
    expect([...first.items, ...second.items, ...third.items].map((r) => r.id)).toEqual([...ids].reverse());
    expect(third.nextCursor).toBeNull();
    expect((await runner.listRuns({ actionId: 'a1', limit: 10 })).items.map((r) => r.id)).toEqual([ids[4], ids[2], ids[0]]);
    expect((await runner.listRuns({ actor: 'user:z', limit: 10 })).items.map((r) => r.id)).toEqual([ids[4]]);
    expect((await runner.listRuns({ status: 'succeeded', actionId: 'a2', limit: 10 })).items.map((r) => r.id)).toEqual([ids[3], ids[1]]);
  });

  if (mode === 'embedded') {
    it('keeps finished runs and their logs across a restart (dataDir journal)', async () => {
      runner.registerAction(action('persisted', (ctx) => ctx.logger.info('hello')), 'p');
      const run = await runner.startRun({ actionId: 'persisted', inputs: {}, actor: 'a' });
      await ended(runner, run.id);
      await runner.close();
      runner = await createActionRunner({ dataDir, catalog, logger: testLogger(), secrets: testSecrets() });
      expect((await runner.getRun(run.id))?.status).toBe('succeeded');
      expect((await runner.readLogs(run.id)).map((l) => l.message)).toContain('hello');
    });
  }
});

describe('a worker that consumes before plugins have registered their actions', () => {
  it('waits for the action to be registered instead of failing the run', async () => {
    const catalog = await testCatalog();
    const dataDir = mkdtempSync(join(tmpdir(), 'portico-actions-'));
    const first = await createActionRunner({ dataDir, catalog, logger: testLogger(), secrets: testSecrets(), inProcessWorker: false });
    first.registerAction(action('late', () => undefined), 'p');
    const run = await first.startRun({ actionId: 'late', inputs: {}, actor: 'a' });
    await first.close();
    // Restarted: the queued run is picked up at once, before the plugin registers `late`.
    const second = await createActionRunner({ dataDir, catalog, logger: testLogger(), secrets: testSecrets() });
    try {
      await new Promise((r) => setTimeout(r, 300));
      expect((await second.getRun(run.id))?.status).toBe('queued');
      second.registerAction(action('late', (ctx) => ctx.setOutput('ran', true)), 'p');
      expect(await ended(second, run.id)).toMatchObject({ status: 'succeeded', outputs: { ran: true } });
    } finally {
      await second.close();
      await catalog.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('embedded mode restarted while a run is running', () => {
  it('lets go of a hung attempt on close and recovers the run per its retry policy on restart', async () => {
    const catalog = await testCatalog();
    const dataDir = mkdtempSync(join(tmpdir(), 'portico-actions-'));
    const signals: AbortSignal[] = [];
    const hang = (ctx: ActionContext) => {
      signals.push(ctx.signal);
      return new Promise<void>(() => undefined);
    };
    const first = await createActionRunner({ dataDir, catalog, logger: testLogger(), secrets: testSecrets(), closeGraceMs: 100 });
    first.registerAction(action('retried', hang, { retry: { attempts: 2 } }), 'p');
    first.registerAction(action('single', hang), 'p');
    const retried = await first.startRun({ actionId: 'retried', inputs: {}, actor: 'a' });
    const single = await first.startRun({ actionId: 'single', inputs: {}, actor: 'a' });
    await waitFor(async () => (await first.getRun(retried.id))?.status === 'running' && (await first.getRun(single.id))?.status === 'running', 'both to run');
    await first.close();
    // The handlers that ignored the grace are told to stop; their runs are left for recovery.
    expect(signals.map((s) => s.aborted)).toEqual([true, true]);
    const second = await createActionRunner({ dataDir, catalog, logger: testLogger(), secrets: testSecrets() });
    try {
      second.registerAction(action('retried', () => undefined, { retry: { attempts: 2 } }), 'p');
      second.registerAction(action('single', () => undefined), 'p');
      expect(await ended(second, retried.id)).toMatchObject({ status: 'succeeded', attempts: 2 });
      expect(await ended(second, single.id)).toMatchObject({ status: 'failed', attempts: 1 });
    } finally {
      await second.close();
      await catalog.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
