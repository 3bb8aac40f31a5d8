import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type ActionDefinition, type ApprovalPolicy, type ActionRunnerService, type Entity, type EntityRef, type Identity, type LoggerService, type QueryFilter, type Run, type SecretsService, type StartRunRequest, isTerminalStatus } from '@portico/plugin-api';
import type { ApiRoute, SchemaValidator } from '@portico/http';
import type { Catalog } from '../catalog/catalog';
import { approvalPolicies, describeApprovers, isApprovedByAll, isApprover, isSelfApproval } from '../approvals/approval-policy';
import { ActionRegistry } from '../registry/action-registry';
import { newRunId } from '../runs/run-id';
import { queuedRun } from '../runs/queued-run';
import { checkEntityPickers, inputsForRerun, splitSecretInputs } from '../runs/run-inputs';
import type { OutboundPolicy } from '../invocations/outbound-policy';
import type { RunListFilter, RunLogEntry, RunLogLevel, RunStore } from '../runs/run-store';
import { RunUpdater } from '../runs/run-updater';
import type { RunQueue } from '../queue/run-queue';
import { RunExecutor } from './run-executor';
import { ChildRuns } from './child-runs';
import { AutomationEngine } from '../automations/automation-engine';
import type { AutomationDefinition } from '../automations/automation';
import { createActionRoutes } from '../routes/action-routes';

/** @public */
export type ActionSummary = Omit<ActionDefinition, 'invocation'> & { invocation: { type: string }; owner: string };

export interface RunnerParts {
  store: RunStore;
  queue: RunQueue;
  catalog: Catalog;
  logger: LoggerService;
  secrets: SecretsService;
  validator: SchemaValidator;
  workerConcurrency: number;
  timerPollMs: number;
  closeGraceMs?: number;
  /** Where webhooks may go (allow-list, private networks). */
  outbound: OutboundPolicy;
  /** Issues a run's callback token (asynchronous webhooks, agents); without it receivers report with `runs.report`. */
  callbackTokens?: CallbackTokenIssuer;
  /** Who an automation's creator is now (their current permissions), or null when they no longer exist. */
  resolveActor?: ActorResolver;
}

/**
 * Makes the callback token of one run (the kernel wires in @portico/auth's run-token signer).
 * @public
 */
export interface CallbackTokenIssuer {
  issue(runId: string): string;
}

/**
 * An identity by id as it stands now (roles re-read), or null when there is no such identity any more.
 * @public
 */
export type ActorResolver = (id: string) => Promise<Identity | null>;

/**
 * What `PATCH /runs/{id}` accepts from asynchronous webhook receivers and agents.
 * @public
 */
export interface RunReport {
  status?: 'running' | 'succeeded' | 'failed';
  outputs?: Record<string, unknown>;
  links?: Array<{ title: string; url: string }>;
  progress?: number;
  error?: string;
  affectedEntities?: EntityRef[];
}

type Approval = Run['approvals'][number] & { teams?: string[] };

/** What a run started by another run's `ctx.runAction` records about that. */
export interface ChildRunFields {
  parentRunId: string;
  title?: string;
  extraApproval?: ApprovalPolicy;
}

/**
 * The action runner: the registry, starting and steering runs (approvals, cancel, reports
 * from outside), reading them, and, in worker processes, executing them.
 * @public
 */
export class PorticoActionRunner implements ActionRunnerService {
  readonly registry: ActionRegistry;
  readonly updater: RunUpdater;
  readonly automations: AutomationEngine;
  private readonly executor: RunExecutor;
  private workerStarted = false;
  private closed = false;
  private sweepTimer: NodeJS.Timeout | null = null;
  private sweeping = false;

  constructor(readonly parts: RunnerParts) {
    this.registry = new ActionRegistry(parts.validator);
    this.updater = new RunUpdater(parts.store);
    const children = new ChildRuns({
      resolveAction: (id) => this.resolveAction(id),
      entityFor: (ref) => this.entityFor(ref),
      startRunDetailed: (request, child) => this.startRunDetailed(request, child),
      getRun: (id) => this.getRun(id),
      cancelRun: (id, actor) => this.cancelRun(id, actor),
      executeChild: (id, mirror) => this.executor.executeChild(id, mirror),
      resolveActor: parts.resolveActor,
      updater: this.updater,
    });
    this.executor = new RunExecutor(parts, this.updater, (id) => this.resolveAction(id), (parent, actionId, options, signal, logger) => children.run(parent, actionId, options, signal, logger));
    this.automations = new AutomationEngine({
      catalog: parts.catalog,
      logger: parts.logger,
      pollMs: parts.timerPollMs,
      startRun: (request) => this.startRun(request),
      getAction: (id) => this.resolveAction(id),
      entityFor: (ref) => this.entityFor(ref),
      resolveActor: parts.resolveActor,
      store: parts.store,
    });
    this.updater.onFinished((run) => this.automations.runFinished(run));
  }

  /** Loads API-created actions; starts the timer poller and entity-event subscription. */
  async init(): Promise<void> {
    await this.refreshApiActions();
    this.automations.start();
  }

  /**
   * Embedded mode keeps its queue in memory: after a restart, runs that were queued or
   * running are queued again (a running one counts as an interrupted attempt).
   */
  async recoverEmbedded(): Promise<void> {
    for (const status of ['queued', 'running'] as const) {
      let cursor: string | undefined;
      do {
        const page = await this.parts.store.list({ status, limit: 200, cursor });
        for (const run of page.items) {
          const action = this.registry.get(run.actionId);
          await this.parts.queue.enqueue({ type: 'execute', runId: run.id }, { backoffMs: action?.definition.retry?.backoffMs });
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }
  }

  /**
   * Shared queues: a run is recorded, then enqueued; an API process that stops in between
   * leaves it queued with no job. Every `everyMs`, queued runs older than that get their job
   * back (adding a job the queue already holds is a no-op, so instances may overlap).
   */
  startStrandedRunSweep(everyMs: number): void {
    if (!this.parts.queue.ensureExecuteJob || this.sweepTimer || this.closed) return;
    this.sweepTimer = setInterval(() => {
      if (this.sweeping) return;
      this.sweeping = true;
      this.sweepStrandedRuns(everyMs)
        .catch((error: unknown) => this.parts.logger.warn('Could not check for stranded queued runs', { error: String(error) }))
        .finally(() => (this.sweeping = false));
    }, everyMs);
    this.sweepTimer.unref();
  }

  /** Enqueues queued runs older than `olderThanMs` that have no job; returns how many. */
  async sweepStrandedRuns(olderThanMs: number): Promise<number> {
    const ensure = this.parts.queue.ensureExecuteJob?.bind(this.parts.queue);
    if (!ensure) return 0;
    const cutoff = Date.now() - olderThanMs;
    let requeued = 0;
    let cursor: string | undefined;
    for (let pages = 0; pages < 50; pages++) {
      const page = await this.parts.store.list({ status: 'queued', limit: 200, cursor });
      for (const run of page.items) {
        if (Date.parse(run.createdAt) > cutoff) continue;
        const action = await this.resolveAction(run.actionId);
        if (await ensure(run.id, { backoffMs: action?.definition.retry?.backoffMs })) {
          requeued++;
          this.parts.logger.warn('Queued run had no job (the process that recorded it stopped before enqueueing it); enqueued it now', { runId: run.id, actionId: run.actionId });
        }
      }
      cursor = page.nextCursor ?? undefined;
      if (!cursor) break;
    }
    return requeued;
  }

  registerAction(definition: ActionDefinition, pluginId: string): () => void {
    return this.registry.register(definition, pluginId);
  }

  /** `owner` (a plugin id) is named when another registration uses the same automation id. */
  registerAutomation(definition: AutomationDefinition, owner?: string): () => void {
    return this.automations.register(definition, owner);
  }

  /** Creates (or replaces) a webhook or agent action through the API; it is stored so every instance sees it. */
  async createApiAction(definition: ActionDefinition): Promise<ActionSummary> {
    if ((definition.invocation as { type?: string })?.type === 'handler') {
      throw new ValidationError('Actions created through the API are invoked by webhook or agent; handler actions come from plugins.', [{ pointer: '/invocation/type', message: 'must be "webhook" or "agent"' }]);
    }
    const existing = this.registry.get(definition.id);
    if (existing && existing.owner !== 'api') {
      throw new ConflictError(`Action "${definition.id}" is registered by ${existing.owner}; the API cannot replace it.`, { actionId: definition.id, owners: [existing.owner, 'api'] });
    }
    // A literal URL the policy refuses is a bad definition; names are checked again after each lookup, at call time.
    const urlProblem = definition.invocation?.type === 'webhook' && typeof definition.invocation.url === 'string' ? this.parts.outbound.urlProblem(definition.invocation.url) : null;
    if (urlProblem) throw new ValidationError(`The webhook URL ${definition.invocation.type === 'webhook' ? definition.invocation.url : ''} ${urlProblem}.`, [{ pointer: '/invocation/url', message: urlProblem }]);
    if (existing) this.registry.remove(definition.id);
    try {
      this.registry.register(definition, 'api');
    } catch (error) {
      if (existing) this.registry.upsertFromApi(existing.definition);
      throw error;
    }
    await this.parts.store.saveDefinition('actions', definition.id, { definition, owner: 'api' });
    return this.summarize(definition, 'api');
  }

  async deleteApiAction(id: string): Promise<void> {
    const existing = await this.resolveAction(id);
    if (!existing) throw new NotFoundError(`Action "${id}" does not exist.`);
    if (existing.owner !== 'api') throw new ConflictError(`Action "${id}" comes from ${existing.owner}; only API-created actions can be deleted through the API.`);
    this.registry.remove(id);
    await this.parts.store.deleteDefinition('actions', id);
  }

  private async refreshApiActions(): Promise<void> {
    this.registry.syncApiActions((await this.parts.store.listDefinitions('actions')).map((r) => r.definition as ActionDefinition));
  }

  /** The action by id; API-created actions are re-read, as another instance may have changed them. */
  async resolveAction(id: string): Promise<{ definition: ActionDefinition; owner: string } | undefined> {
    const found = this.registry.get(id);
    if (found && found.owner !== 'api') return found;
    await this.refreshApiActions();
    return this.registry.get(id);
  }

  private summarize(definition: ActionDefinition, owner: string): ActionSummary {
    const { invocation, ...rest } = definition;
    const shown: Record<string, unknown> = { type: invocation.type };
    if (invocation.type === 'webhook') Object.assign(shown, { url: invocation.url, method: invocation.method ?? 'POST', mode: invocation.mode ?? 'sync' });
    if (invocation.type === 'agent') shown.queue = invocation.queue;
    return { ...rest, invocation: shown as { type: string }, owner };
  }

  async listActions(): Promise<ActionSummary[]> {
    await this.refreshApiActions();
    return this.registry.list().map((a) => this.summarize(a.definition, a.owner));
  }

  /** Actions offered for a kind or one entity (the action's condition must match the entity). */
  async listActionsFor(filter: { kind?: string; entity?: EntityRef }): Promise<ActionSummary[]> {
    await this.refreshApiActions();
    const entity = filter.entity ? await this.parts.catalog.get(filter.entity) : null;
    if (filter.entity && !entity) throw new NotFoundError(`Entity ${filter.entity.kind}:${filter.entity.id} does not exist.`);
    const kind = entity?.kind ?? filter.kind;
    const result: ActionSummary[] = [];
    for (const { definition, owner } of this.registry.list()) {
      if (kind !== undefined && definition.kind !== kind) continue;
      if (entity && (definition.operation === 'create' || !(await this.offeredOn(definition, entity)))) continue;
      result.push(this.summarize(definition, owner));
    }
    return result;
  }

  private async offeredOn(definition: ActionDefinition, entity: Entity): Promise<boolean> {
    if (definition.kind && definition.kind !== entity.kind) return false;
    if (!definition.condition) return true;
    const rules: QueryFilter['rules'] = [{ property: 'id', operator: '=', value: entity.id }, definition.condition];
    const found = await this.parts.catalog.query({ kind: entity.kind, filter: { combinator: 'and', rules }, limit: 1 });
    return found.items.length > 0;
  }

  /** The catalog entity a run would act on (the routes check ownership against it). */
  async entityFor(ref: EntityRef): Promise<Entity | null> {
    return this.parts.catalog.get(ref);
  }

  async startRun(request: StartRunRequest): Promise<Run> {
    return (await this.startRunDetailed(request)).run;
  }

  /** Starts a run; `created: false` when the idempotency key named an existing run. */
  async startRunDetailed(request: StartRunRequest, child?: ChildRunFields): Promise<{ run: Run; created: boolean }> {
    const action = await this.resolveAction(request.actionId);
    if (!action) throw new NotFoundError(`Action "${request.actionId}" does not exist; list actions at /api/v1/actions.`);
    const definition = action.definition;
    let entity: Entity | null = null;
    if (request.entity) {
      entity = await this.parts.catalog.get(request.entity);
      if (!entity) throw new NotFoundError(`Entity ${request.entity.kind}:${request.entity.id} does not exist.`);
      if (!(await this.offeredOn(definition, entity))) {
        throw new ValidationError(`Action "${definition.id}" is not offered for ${entity.kind}:${entity.id}${definition.kind && definition.kind !== entity.kind ? ` (it applies to kind "${definition.kind}")` : ': the entity does not match its condition'}.`, [{ pointer: '/entity', message: 'the action is not offered for this entity' }], 'action-not-offered');
      }
    } else if (definition.kind && definition.operation !== 'create') {
      throw new ValidationError(`Action "${definition.id}" is a ${definition.operation} action on ${definition.kind} entities: name the entity.`, [{ pointer: '/entity', message: 'is required' }]);
    }
    const inputs = structuredClone(request.inputs ?? {});
    if (!inputs || typeof inputs !== 'object' || Array.isArray(inputs)) throw new ValidationError('The inputs must be a JSON object.', [{ pointer: '/inputs', message: 'must be object' }]);
    this.parts.validator.assert(definition.inputSchema, inputs, 'The inputs', '/inputs');
    await checkEntityPickers(definition.inputSchema, inputs, this.parts.catalog);
    const { visible, secrets } = splitSecretInputs(definition.inputSchema, inputs);
    const now = new Date().toISOString();
    const run: Run = {
      ...queuedRun({ id: newRunId(), actionId: definition.id, inputs: visible, entity: entity ? { kind: entity.kind, id: entity.id } : null, actor: request.actor, createdAt: now }),
      ...(child ? { parentRunId: child.parentRunId, title: child.title ?? null, extraApproval: child.extraApproval ?? null } : {}),
    };
    const created = await this.parts.store.create(run, { idempotencyKey: request.idempotencyKey, secretInputs: secrets });
    if (!created.created) return created;
    const by = child ? `${run.actor}, as a step of run ${child.parentRunId}` : run.actor;
    await this.parts.store.appendLog(run.id, { at: now, type: 'line', level: 'info', message: `Run of "${definition.id}" requested by ${by}` });
    const policies = approvalPolicies(definition, run);
    if (policies.length > 0) {
      const waiting = await this.updater.update(run.id, (r) => (r.status === 'queued' ? { ...r, status: 'waiting_for_approval' } : null));
      await this.parts.store.appendLog(run.id, { at: new Date().toISOString(), type: 'line', level: 'info', message: `Waiting for approval (${describeApprovers(policies)})` });
      return { run: waiting.run, created: true };
    }
    // A child run is executed by its parent's worker (ChildRuns), so a parent waiting for its
    // children never holds every worker slot while they wait in the queue behind it.
    if (!child) await this.enqueue(run.id, definition);
    return { run, created: true };
  }

  private async enqueue(runId: string, definition: ActionDefinition): Promise<void> {
    await this.parts.queue.enqueue({ type: 'execute', runId }, { backoffMs: definition.retry?.backoffMs });
  }

  /** Runs the action again with the same inputs; secret inputs were dropped and must be given again. */
  async rerun(id: string, actor: string, secretInputs: Record<string, unknown> = {}, idempotencyKey?: string): Promise<{ run: Run; created: boolean }> {
    const previous = await this.getRun(id);
    if (!previous) throw new NotFoundError(`Run "${id}" does not exist.`);
    const action = await this.resolveAction(previous.actionId);
    if (!action) throw new NotFoundError(`Action "${previous.actionId}" of run "${id}" no longer exists.`);
    const inputs = inputsForRerun(action.definition.inputSchema, previous.inputs, secretInputs);
    return this.startRunDetailed({ actionId: previous.actionId, entity: previous.entity, inputs, actor, idempotencyKey });
  }

  async getRun(id: string): Promise<Run | null> {
    return (await this.parts.store.get(id))?.run ?? null;
  }

  async listRuns(filter: RunListFilter): Promise<{ items: Run[]; nextCursor: string | null }> {
    return this.parts.store.list(filter);
  }

  async readLogs(id: string, options: { after?: string; limit?: number } = {}): Promise<RunLogEntry[]> {
    if (!(await this.parts.store.get(id))) throw new NotFoundError(`Run "${id}" does not exist.`);
    return this.parts.store.readLogs(id, options);
  }

  async cancelRun(id: string, actor: string): Promise<Run> {
    const { run, changed } = await this.updater.update(id, (r) => {
      if (isTerminalStatus(r.status)) throw new ConflictError(`Run "${id}" has ended (${r.status}); there is nothing to cancel.`, { runId: id, status: r.status }, 'run-frozen');
      return { ...r, status: 'cancelled', error: `Cancelled by ${actor}` };
    });
    if (changed) await this.parts.store.publishCancel(id);
    return run;
  }

  async decide(id: string, identity: Identity, decision: 'approve' | 'decline', comment?: string): Promise<Run> {
    const stored = await this.parts.store.get(id);
    if (!stored) throw new NotFoundError(`Run "${id}" does not exist.`);
    const action = await this.resolveAction(stored.run.actionId);
    const policies = action ? approvalPolicies(action.definition, stored.run) : [];
    if (policies.length === 0) throw new ConflictError(`Run "${id}" does not need approval.`);
    const mine = policies.filter((policy) => isApprover(policy, identity));
    if (mine.length === 0) throw new ForbiddenError(`${identity.id} is not an approver of "${stored.run.actionId}"${stored.run.extraApproval ? ' or of the step that started it' : ''}.`);
    if (decision === 'approve' && mine.every((policy) => isSelfApproval(policy, stored.run, identity))) {
      throw new ForbiddenError(`${identity.id} requested run ${id} and cannot approve it too: another approver of "${stored.run.actionId}" must (the action's approval policy would need allowSelfApproval: true).`, { runId: id, identity: identity.id });
    }
    let approved = false;
    const { run } = await this.updater.update(id, (r) => {
      if (r.status !== 'waiting_for_approval') throw new ConflictError(`Run "${id}" is ${r.status}, not waiting for approval.`, { runId: id, status: r.status });
      if (r.approvals.some((a) => a.by === identity.id)) throw new ConflictError(`${identity.id} has decided on run "${id}" already.`);
      const entry: Approval = { by: identity.id, decision, ...(comment ? { comment } : {}), at: new Date().toISOString(), teams: identity.teams };
      const approvals = [...r.approvals, entry];
      if (decision === 'decline') return { ...r, approvals, status: 'declined', error: `Declined by ${identity.id}${comment ? `: ${comment}` : ''}` };
      approved = isApprovedByAll(policies, approvals, (by) => (approvals as Approval[]).find((a) => a.by === by)?.teams ?? []);
      return { ...r, approvals, status: approved ? 'queued' : 'waiting_for_approval' };
    });
    if (decision === 'approve') {
      await this.parts.store.appendLog(id, { at: new Date().toISOString(), type: 'line', level: 'info', message: `Approved by ${identity.id}${comment ? `: ${comment}` : ''}` });
    }
    // An approved child run is picked up by its parent, which is waiting for it.
    if (approved && action && !run.parentRunId) await this.enqueue(id, action.definition);
    return run;
  }

  /** Reports from an asynchronous webhook receiver or an agent. */
  async report(id: string, report: RunReport): Promise<Run> {
    const { run } = await this.updater.update(id, (r) => {
      if (isTerminalStatus(r.status)) throw new ConflictError(`Run "${id}" has ended (${r.status}); an ended run is frozen.`, { runId: id, status: r.status }, 'run-frozen');
      if (r.status !== 'running') throw new ConflictError(`Run "${id}" is ${r.status}; only a running run takes reports.`, { runId: id, status: r.status });
      const next: Run = { ...r, outputs: { ...r.outputs, ...(report.outputs ?? {}) }, links: [...r.links, ...(report.links ?? [])] };
      if (report.progress !== undefined) next.progress = report.progress;
      if (report.affectedEntities) next.affectedEntities = [...r.affectedEntities, ...report.affectedEntities.filter((e) => !r.affectedEntities.some((x) => x.kind === e.kind && x.id === e.id))];
      if (report.status && report.status !== 'running') next.status = report.status;
      if (report.error !== undefined) next.error = report.error;
      return next;
    });
    return run;
  }

  async appendLogs(id: string, lines: Array<{ level?: RunLogLevel; message: string; fields?: Record<string, unknown> }>): Promise<string[]> {
    const stored = await this.parts.store.get(id);
    if (!stored) throw new NotFoundError(`Run "${id}" does not exist.`);
    const ids: string[] = [];
    for (const line of lines) {
      const logId = await this.parts.store.appendLog(id, { at: new Date().toISOString(), type: 'line', level: line.level ?? 'info', message: line.message, ...(line.fields ? { fields: line.fields } : {}) });
      if (logId === null) throw new ConflictError(`Run "${id}" has ended; its log is frozen.`, { runId: id }, 'run-frozen');
      ids.push(logId);
    }
    return ids;
  }

  /** Waits for log entries after `after` (the SSE tail). */
  waitLogs(id: string, after: string, waitMs: number, signal: AbortSignal): Promise<RunLogEntry[]> {
    return this.parts.store.waitLogs(id, after, waitMs, signal);
  }

  routes(): ApiRoute[] {
    return createActionRoutes(this);
  }

  /** The state of every Redis connection the runner uses (run store, queue), for `/readyz`. */
  health(): Array<{ name: string; status: string }> {
    return [...(this.parts.store.health?.() ?? []), ...(this.parts.queue.health?.() ?? [])];
  }

  /** Whether this process executes runs (`portico start --no-worker` does not). */
  get runsWorker(): boolean {
    return this.workerStarted;
  }

  async startWorker(): Promise<void> {
    if (this.workerStarted || this.closed) return;
    this.workerStarted = true;
    await this.executor.start(this.parts.workerConcurrency);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.automations.stop();
    this.executor.stop();
    await this.parts.queue.close(this.parts.closeGraceMs);
    this.executor.abandon();
    await this.parts.store.close();
  }
}
