import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ForbiddenError, NotFoundError, ValidationError, type ActionContext, type ActionDefinition, type Identity, type Run } from '@portico/plugin-api';
import { createActionRunner } from '../create-action-runner';
import type { PorticoActionRunner } from './portico-action-runner';
import { testCatalog } from '../__fixtures__/test-catalog';
import { REDIS_URL, deleteKeys, testLogger, testPrefix, testSecrets, waitFor } from '../__fixtures__/test-services';

jest.setTimeout(45_000);

const people: Record<string, Identity> = {
  'user:alice': { id: 'user:alice', kind: 'user', displayName: 'alice', teams: ['sre'], isGuest: false, permissions: ['actions.run', 'scale'] },
  'user:bob': { id: 'user:bob', kind: 'user', displayName: 'bob', teams: ['platform'], isGuest: false, permissions: ['actions.run'] },
  'user:carol': { id: 'user:carol', kind: 'user', displayName: 'carol', teams: ['sre'], isGuest: false, permissions: ['actions.run'] },
};

function action(id: string, handler: (ctx: ActionContext) => Promise<void> | void, extra: Partial<ActionDefinition> = {}): ActionDefinition {
  return { id, title: id, operation: 'create', inputSchema: { type: 'object', properties: {} }, invocation: { type: 'handler', handler }, timeoutMs: 30_000, ...extra };
}

describe.each([['embedded'], ['redis']])('child runs (%s)', (mode) => {
  let runner: PorticoActionRunner;
  let catalog: Awaited<ReturnType<typeof testCatalog>>;
  let prefix: string;
  let dataDir: string;
  const order: string[] = [];

  const ended = (id: string): Promise<Run> =>
    waitFor(async () => {
      const run = await runner.getRun(id);
      return run && ['succeeded', 'failed', 'cancelled', 'declined', 'timed_out'].includes(run.status) ? run : null;
    }, `run ${id} to end`, 30_000);

  const messages = async (id: string): Promise<string[]> => (await runner.readLogs(id)).map((l) => l.message);

  beforeEach(async () => {
    order.length = 0;
    prefix = testPrefix();
    dataDir = mkdtempSync(join(tmpdir(), 'portico-children-'));
    catalog = await testCatalog({ redisUrl: mode === 'redis' ? REDIS_URL : undefined, keyPrefix: `${prefix}catalog:` });
    runner = await createActionRunner({
      redisUrl: mode === 'redis' ? REDIS_URL : undefined,
      keyPrefix: prefix,
      dataDir,
      catalog,
      logger: testLogger(),
      secrets: testSecrets(),
      // One slot: a parent waiting on its children must not need a second one.
      workerConcurrency: 1,
      resolveActor: async (id) => people[id] ?? null,
    });
    runner.registerAction(
      action('step', (ctx) => {
        order.push(String(ctx.inputs.name));
        ctx.logger.info(`doing ${String(ctx.inputs.name)}`);
        if (ctx.inputs.fail) throw new Error(`${String(ctx.inputs.name)} broke`);
        ctx.setOutput('did', ctx.inputs.name);
      }, { inputSchema: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, fail: { type: 'boolean' } }, additionalProperties: false } }),
      'test',
    );
    runner.registerAction(action('scale', () => void order.push('scale'), { permission: 'scale' }), 'test');
    // A runbook: steps in order, stopping at the first that does not succeed.
    runner.registerAction(
      action('runbook', async (ctx) => {
        const steps = ctx.inputs.steps as Array<{ action: string; inputs?: Record<string, unknown>; approval?: boolean }>;
        for (const [i, step] of steps.entries()) {
          const child = await ctx.runAction(step.action, { inputs: step.inputs, title: `Step ${i + 1}`, ...(step.approval ? { approval: { teams: ['sre'] } } : {}) });
          if (child.status !== 'succeeded') throw new Error(`Step ${i + 1} (${step.action}) ended ${child.status}: ${child.error}`);
        }
      }, { inputSchema: { type: 'object', properties: { steps: { type: 'array' } } } }),
      'test',
    );
  });

  afterEach(async () => {
    await runner.close();
    await catalog.dispose();
    rmSync(dataDir, { recursive: true, force: true });
    if (mode === 'redis') await deleteKeys(prefix);
  });

  it('runs steps in order as linked child runs with their own logs, copied into the parent\'s, on a single worker slot', async () => {
    const parent = await runner.startRun({ actionId: 'runbook', actor: 'user:alice', inputs: { steps: [{ action: 'step', inputs: { name: 'a' } }, { action: 'step', inputs: { name: 'b' } }, { action: 'scale' }] } });
    const done = await ended(parent.id);
    expect(done.status).toBe('succeeded');
    expect(order).toEqual(['a', 'b', 'scale']);
    expect(done.childRunIds).toHaveLength(3);
    const children = await Promise.all(done.childRunIds!.map((id) => runner.getRun(id)));
    expect(children.map((c) => [c?.actionId, c?.status, c?.parentRunId, c?.title, c?.actor])).toEqual([
      ['step', 'succeeded', parent.id, 'Step 1', 'user:alice'],
      ['step', 'succeeded', parent.id, 'Step 2', 'user:alice'],
      ['scale', 'succeeded', parent.id, 'Step 3', 'user:alice'],
    ]);
    expect(children[1]?.outputs).toEqual({ did: 'b' });
    expect(await messages(children[0]!.id)).toContain('doing a');
    expect(await messages(parent.id)).not.toContain('doing a');
    const parentLog = await messages(parent.id);
    expect(parentLog.indexOf('[Step 1] doing a')).toBeGreaterThan(-1);
    expect(parentLog.indexOf('[Step 2] doing b')).toBeGreaterThan(parentLog.indexOf('[Step 1] doing a'));
    expect((await messages(parent.id)).filter((m) => m.includes(children[2]!.id))).toEqual([`Started "Step 3" as child run ${children[2]!.id}`, `Child run ${children[2]!.id} ended succeeded`]);
  });

  it('stops at the first failing step and names it', async () => {
    const parent = await runner.startRun({ actionId: 'runbook', actor: 'user:alice', inputs: { steps: [{ action: 'step', inputs: { name: 'a' } }, { action: 'step', inputs: { name: 'b', fail: true } }, { action: 'step', inputs: { name: 'c' } }] } });
    const done = await ended(parent.id);
    expect(done.status).toBe('failed');
    expect(done.error).toBe('Step 2 (step) ended failed: b broke');
    expect(order).toEqual(['a', 'b']);
    expect(done.childRunIds).toHaveLength(2);
  });

  it('waits for the approval a step asks for, from its approvers and not the requester', async () => {
    const parent = await runner.startRun({ actionId: 'runbook', actor: 'user:alice', inputs: { steps: [{ action: 'step', inputs: { name: 'a' } }, { action: 'step', inputs: { name: 'b' }, approval: true }] } });
    const waiting = await waitFor(async () => {
      const p = await runner.getRun(parent.id);
      const child = p?.childRunIds?.[1] ? await runner.getRun(p.childRunIds[1]) : null;
      return child?.status === 'waiting_for_approval' ? child : null;
    }, 'step 2 to wait for approval');
    expect(order).toEqual(['a']);
    expect(waiting.extraApproval).toEqual({ teams: ['sre'] });
    expect((await runner.getRun(parent.id))?.status).toBe('running');
    await expect(runner.decide(waiting.id, people['user:bob']!, 'approve')).rejects.toThrow(ForbiddenError);
    await expect(runner.decide(waiting.id, people['user:alice']!, 'approve')).rejects.toThrow(/cannot approve it too/);
    await runner.decide(waiting.id, people['user:carol']!, 'approve');
    expect((await ended(parent.id)).status).toBe('succeeded');
    expect(order).toEqual(['a', 'b']);
  });

  it('a declined step ends the runbook; cancelling the parent cancels a step still waiting', async () => {
    const declined = await runner.startRun({ actionId: 'runbook', actor: 'user:alice', inputs: { steps: [{ action: 'step', inputs: { name: 'a' }, approval: true }] } });
    const child = await waitFor(async () => (await runner.getRun(declined.id))?.childRunIds?.[0], 'the child');
    await waitFor(async () => (await runner.getRun(child))?.status === 'waiting_for_approval', 'the wait');
    await runner.decide(child, people['user:carol']!, 'decline', 'not now');
    expect((await ended(declined.id)).error).toBe('Step 1 (step) ended declined: Declined by user:carol: not now');

    const cancelled = await runner.startRun({ actionId: 'runbook', actor: 'user:alice', inputs: { steps: [{ action: 'step', inputs: { name: 'x' }, approval: true }] } });
    const waitingChild = await waitFor(async () => (await runner.getRun(cancelled.id))?.childRunIds?.[0], 'the child');
    await waitFor(async () => (await runner.getRun(waitingChild))?.status === 'waiting_for_approval', 'the wait');
    await runner.cancelRun(cancelled.id, 'user:alice');
    expect((await ended(waitingChild)).status).toBe('cancelled');
    expect(order).toEqual([]);
  });

  it('refuses a step that cannot start, starting nothing: unknown action, refused inputs, missing permission, unknown actor', async () => {
    const refusals: unknown[] = [];
    runner.registerAction(
      action('try', async (ctx) => {
        for (const [id, inputs] of [['nope', {}], ['step', { name: 1 }], ['scale', {}]] as const) {
          await ctx.runAction(id, { inputs }).then(() => refusals.push('started'), (error: unknown) => refusals.push(error));
        }
      }),
      'test',
    );
    const byBob = await ended((await runner.startRun({ actionId: 'try', actor: 'user:bob', inputs: {} })).id);
    expect(byBob.status).toBe('succeeded');
    expect(byBob.childRunIds ?? []).toEqual([]);
    expect(refusals[0]).toBeInstanceOf(NotFoundError);
    expect(refusals[1]).toBeInstanceOf(ValidationError);
    expect((refusals[1] as ValidationError).errors?.[0]?.pointer).toBe('/inputs/name');
    expect(refusals[2]).toBeInstanceOf(ForbiddenError);
    expect(String((refusals[2] as Error).message)).toMatch(/scale/);
    expect(order).toEqual([]);

    const ghost = await ended((await runner.startRun({ actionId: 'runbook', actor: 'user:ghost', inputs: { steps: [{ action: 'step', inputs: { name: 'a' } }] } })).id);
    expect(ghost.status).toBe('failed');
    expect(ghost.error).toMatch(/user:ghost, who can no longer be found/);
  });
});
