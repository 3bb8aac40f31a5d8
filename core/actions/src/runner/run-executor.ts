import { isTerminalStatus, type ActionContext, type ActionDefinition, type Entity, type EntityRef, type Run, type RunActionOptions } from '@portico/plugin-api';
import type { RunJob } from '../queue/run-queue';
import { RetryRunError } from '../queue/run-queue';
import { restoreSecretInputs } from '../runs/run-inputs';
import type { RunUpdater } from '../runs/run-updater';
import { callWebhook } from '../invocations/call-webhook';
import { RunLogger, type LogMirror } from './run-logger';
import type { RunnerParts } from './portico-action-runner';

/** Default time limit: nothing stays `running` forever, even an async run nobody reports on. */
const DEFAULT_TIMEOUT_MS = 60 * 60 * 1000;

/**
 * A worker starts consuming while the kernel is still loading plugins, so a run's action may
 * not be registered yet: wait this long for it before failing the run.
 */
const ACTION_WAIT_MS = 30_000;

class AbortReason extends Error {
  constructor(readonly kind: 'cancel' | 'timeout' | 'shutdown') {
    super(kind);
  }
}

type Outcome = { kind: 'done' } | { kind: 'async' };

/** The run as its next attempt starts. */
function startedAttempt(run: Run): Run {
  return { ...run, status: 'running', attempts: run.attempts + 1, startedAt: run.startedAt ?? new Date().toISOString(), error: null };
}

/** Executes run jobs in a worker: one attempt at a time, with cancel, timeout and retry. */
export class RunExecutor {
  private readonly active = new Map<string, AbortController>();
  private unsubscribeCancel: (() => void) | null = null;
  private stopping = false;

  constructor(
    private readonly parts: RunnerParts,
    private readonly updater: RunUpdater,
    private readonly resolveAction: (id: string) => Promise<{ definition: ActionDefinition } | undefined>,
    private readonly runChild: (parent: Run, actionId: string, options: RunActionOptions, signal: AbortSignal, logger: RunLogger) => Promise<Run>,
  ) {}

  async start(concurrency: number): Promise<void> {
    this.unsubscribeCancel = this.parts.store.onCancel((id) => this.active.get(id)?.abort(new AbortReason('cancel')));
    await this.parts.queue.process((job, info) => this.process(job, info.attemptsMade), {
      concurrency,
      onLost: (job, reason) => void this.lost(job, reason),
    });
  }

  stop(): void {
    // Running attempts are left to finish: closing the queue waits for them (a graceful stop).
    this.stopping = true;
    this.unsubscribeCancel?.();
  }

  /**
   * After the close grace: fire the AbortSignal of attempts still running and stop their
   * timeout timers. Their runs stay `running`, so the next worker recovers them per their
   * retry policy, as it would after a crash.
   */
  abandon(): void {
    for (const controller of this.active.values()) controller.abort(new AbortReason('shutdown'));
    this.active.clear();
  }

  private log(runId: string, level: 'info' | 'warn' | 'error', message: string): Promise<unknown> {
    return this.parts.store.appendLog(runId, { at: new Date().toISOString(), type: 'line', level, message });
  }

  private async fail(runId: string, error: string, from?: Run['status'][]): Promise<void> {
    await this.updater
      .update(runId, (r) => (isTerminalStatus(r.status) || (from && !from.includes(r.status)) ? null : { ...r, status: 'failed', error }))
      .catch((e: unknown) => this.parts.logger.warn('Could not mark run failed', { runId, error: String(e) }));
  }

  /** The queue gave up on a job (stalled too often): the run must not stay open. */
  private async lost(job: RunJob, reason: string): Promise<void> {
    if (job.type !== 'execute') return;
    await this.log(job.runId, 'error', `The queue gave up on this run: ${reason}`).catch(() => undefined);
    await this.fail(job.runId, `The worker running this run was lost: ${reason}`, ['queued', 'running']);
  }

  private async process(job: RunJob, attemptsMade: number): Promise<void> {
    if (job.type === 'deadline') return this.deadline(job);
    for (;;) {
      const stored = await this.parts.store.get(job.runId);
      if (!stored) return;
      const run = stored.run;
      if (run.status !== 'queued' && run.status !== 'running') return;
      let action = await this.resolveAction(run.actionId);
      for (let waited = 0; !action && waited < ACTION_WAIT_MS; waited += 250) {
        if (this.stopping) throw new RetryRunError('The worker stopped before the action was registered');
        await new Promise((r) => setTimeout(r, 250));
        action = await this.resolveAction(run.actionId);
      }
      if (!action) {
        await this.fail(run.id, `Action "${run.actionId}" is not registered in this worker; is its plugin installed here?`);
        return;
      }
      const definition = action.definition;
      const maxAttempts = definition.retry?.attempts ?? 1;
      if (run.status === 'running') {
        // A run already running when its job comes back: the worker that had it died (stalled-job recovery).
        if (run.attempts >= maxAttempts) {
          await this.log(run.id, 'error', `The worker running attempt ${run.attempts} stopped; no attempts are left.`);
          await this.fail(run.id, `The worker running attempt ${run.attempts} of ${maxAttempts} stopped before the run ended.`, ['running']);
          return;
        }
        await this.log(run.id, 'warn', `The worker running attempt ${run.attempts} stopped; starting attempt ${run.attempts + 1} of ${maxAttempts}.`);
      }
      const next = startedAttempt(run);
      if (!(await this.updater.write(stored, next).catch(() => false))) continue; // someone else moved it: look again
      void attemptsMade;
      return this.attempt(next, definition, maxAttempts);
    }
  }

  /**
   * One attempt of a queued child run, in its parent's worker (ChildRuns follows it). Nothing
   * happens when it is no longer queued (another worker claimed it first); a failed attempt
   * with attempts left is queued again after its backoff, for the parent to run again.
   */
  async executeChild(runId: string, mirror?: LogMirror): Promise<void> {
    const stored = await this.parts.store.get(runId);
    if (!stored || stored.run.status !== 'queued') return;
    const action = await this.resolveAction(stored.run.actionId);
    if (!action) {
      await this.fail(runId, `Action "${stored.run.actionId}" is not registered in this worker; is its plugin installed here?`);
      return;
    }
    const next = startedAttempt(stored.run);
    if (!(await this.updater.write(stored, next).catch(() => false))) return;
    try {
      await this.attempt(next, action.definition, action.definition.retry?.attempts ?? 1, mirror);
    } catch (error) {
      if (!(error instanceof RetryRunError)) throw error;
      await new Promise((r) => setTimeout(r, action.definition.retry?.backoffMs ?? 0));
    }
  }

  private async deadline(job: RunJob): Promise<void> {
    const { changed } = await this.updater.update(job.runId, (r) =>
      r.status === 'running' && r.attempts === job.attempt ? { ...r, status: 'timed_out', error: 'No report arrived before the time limit' } : null,
    );
    if (changed) await this.parts.store.publishCancel(job.runId);
  }

  private async attempt(run: Run, definition: ActionDefinition, maxAttempts: number, mirror?: LogMirror): Promise<void> {
    const controller = new AbortController();
    this.active.set(run.id, controller);
    const timeoutMs = definition.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timer = setTimeout(() => controller.abort(new AbortReason('timeout')), timeoutMs);
    const logger = new RunLogger(this.parts.store, run.id, {}, undefined, undefined, mirror);
    const state = { outputs: {} as Record<string, unknown>, links: [] as Run['links'], affected: [] as EntityRef[], progress: null as number | null };
    logger.info(`Attempt ${run.attempts} of ${maxAttempts} started`);
    let outcome: Outcome | null = null;
    let failure: unknown = null;
    try {
      outcome = await this.race(this.invoke(run, definition, logger, state, controller.signal), controller.signal);
    } catch (error) {
      failure = error;
    } finally {
      clearTimeout(timer);
      this.active.delete(run.id);
    }
    if (controller.signal.aborted && (controller.signal.reason as AbortReason).kind === 'shutdown') return;
    await logger.flush();
    const merge = (r: Run): Run => ({
      ...r,
      outputs: { ...r.outputs, ...state.outputs },
      links: [...r.links, ...state.links],
      affectedEntities: [...r.affectedEntities, ...state.affected.filter((e) => !r.affectedEntities.some((x) => x.kind === e.kind && x.id === e.id))],
      progress: state.progress ?? r.progress,
    });
    const mine = (r: Run): boolean => r.status === 'running' && r.attempts === run.attempts;
    if (outcome?.kind === 'async') {
      await this.updater.update(run.id, (r) => (mine(r) ? merge(r) : null));
      await this.parts.queue.enqueue({ type: 'deadline', runId: run.id, attempt: run.attempts }, { delayMs: timeoutMs });
      return;
    }
    if (outcome?.kind === 'done') {
      await this.updater.update(run.id, (r) => (mine(r) ? { ...merge(r), status: 'succeeded', progress: 100 } : null));
      return;
    }
    const reason = failure instanceof AbortReason ? failure : controller.signal.reason instanceof AbortReason && controller.signal.aborted ? (controller.signal.reason as AbortReason) : null;
    if (reason?.kind === 'cancel') return; // the API already recorded the cancellation
    if (reason?.kind === 'timeout') {
      await this.updater.update(run.id, (r) => (mine(r) ? { ...merge(r), status: 'timed_out', error: `The run took longer than its ${timeoutMs} ms limit` } : null));
      return;
    }
    const message = failure instanceof Error ? failure.message : String(failure);
    if (run.attempts < maxAttempts) {
      const backoff = definition.retry?.backoffMs ?? 0;
      const { changed } = await this.updater.update(run.id, (r) => (mine(r) ? { ...merge(r), status: 'queued', error: message } : null));
      if (changed) {
        await this.log(run.id, 'warn', `Attempt ${run.attempts} failed: ${message}; retrying${backoff ? ` in ${backoff} ms` : ''}`);
        throw new RetryRunError(message);
      }
      return;
    }
    await this.log(run.id, 'error', `Attempt ${run.attempts} failed: ${message}`);
    await this.updater.update(run.id, (r) => (mine(r) ? { ...merge(r), status: 'failed', error: message } : null));
  }

  /**
   * A handler's `ctx.secrets.get`: only the secrets its action lists, when it lists any. One
   * that lists none reads every secret, as its plugin can through `coreServices.secrets`.
   */
  private async readSecret(definition: ActionDefinition, name: string): Promise<string | undefined> {
    if (definition.secrets && !definition.secrets.includes(name)) {
      throw new Error(`Action "${definition.id}" read the secret "${name}", which it does not list in "secrets" (${definition.secrets.join(', ') || 'none'}).`);
    }
    return this.parts.secrets.get(name);
  }

  /** Resolves with the invocation, or rejects as soon as the signal fires (a handler that ignores it is left behind). */
  private race<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(signal.reason);
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  private async invoke(
    run: Run,
    definition: ActionDefinition,
    logger: RunLogger,
    state: { outputs: Record<string, unknown>; links: Run['links']; affected: EntityRef[]; progress: number | null },
    signal: AbortSignal,
  ): Promise<Outcome> {
    const inputs = restoreSecretInputs(run.inputs, await this.parts.store.getSecretInputs(run.id));
    const entity: Entity | null = run.entity ? await this.parts.catalog.get(run.entity) : null;
    const invocation = definition.invocation;
    if (invocation.type === 'handler') {
      const catalog = this.parts.catalog;
      const touch = (ref: EntityRef): void => {
        if (!state.affected.some((e) => e.kind === ref.kind && e.id === ref.id)) state.affected.push({ kind: ref.kind, id: ref.id });
      };
      const context: ActionContext = {
        runId: run.id,
        inputs,
        entity,
        actor: run.actor,
        logger,
        signal,
        secrets: { get: (name) => this.readSecret(definition, name) },
        catalog: {
          get: (ref) => catalog.get(ref),
          query: (q) => catalog.query(q),
          upsert: async (input, options) => {
            const written = await catalog.upsert(input, { actor: run.actor, ...options });
            touch(written);
            return written;
          },
          patch: async (ref, patch, options) => {
            const written = await catalog.patch(ref, patch, { actor: run.actor, ...options });
            touch(written);
            return written;
          },
          delete: async (ref, options) => {
            await catalog.delete(ref, { actor: run.actor, ...options });
            touch(ref);
          },
        },
        setOutput: (name, value) => {
          state.outputs[name] = value;
        },
        addLink: (link) => {
          state.links.push({ title: String(link.title), url: String(link.url) });
        },
        setProgress: (percent) => {
          state.progress = Math.max(0, Math.min(100, Number(percent) || 0));
        },
        runAction: (actionId, options) => this.runChild(run, actionId, options ?? {}, signal, logger),
      };
      await invocation.handler(context);
      return { kind: 'done' };
    }
    if (invocation.type === 'webhook') {
      logger.info(`Calling ${invocation.method ?? 'POST'} ${invocation.url}`);
      // Only a receiver that reports back later needs a credential for this run.
      const callbackToken = invocation.mode === 'async' ? this.parts.callbackTokens?.issue(run.id) : undefined;
      const answer = await callWebhook({ invocation, declaredSecrets: definition.secrets ?? [], run, inputs, entity, secrets: this.parts.secrets, callbackToken, policy: this.parts.outbound, signal });
      if (answer.status < 200 || answer.status >= 300) throw new Error(`The webhook answered HTTP ${answer.status}`);
      logger.info(`The webhook answered HTTP ${answer.status}`);
      const json = answer.json as { outputs?: unknown; links?: unknown } | null;
      if (json && typeof json === 'object') {
        if (json.outputs && typeof json.outputs === 'object') Object.assign(state.outputs, json.outputs);
        if (Array.isArray(json.links)) state.links.push(...(json.links as Run['links']));
      }
      return { kind: invocation.mode === 'async' ? 'async' : 'done' };
    }
    const callbackToken = this.parts.callbackTokens?.issue(run.id);
    await this.parts.queue.enqueueAgentJob(invocation.queue, { runId: run.id, actionId: run.actionId, attempt: run.attempts, inputs, entity: run.entity, actor: run.actor, ...(callbackToken ? { callbackToken } : {}) });
    logger.info(`Handed to agent queue "${invocation.queue}"`);
    return { kind: 'async' };
  }
}
