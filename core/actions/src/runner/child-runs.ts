import { ForbiddenError, NotFoundError, ValidationError, isTerminalStatus, type ApprovalPolicy, type EntityRef, type Identity, type LoggerService, type Run, type RunActionOptions, type StartRunRequest } from '@portico/plugin-api';
import type { ActionDefinition, Entity } from '@portico/plugin-api';
import { authorizeRunStart } from '../routes/run-access';
import { pluginIdentity } from '../identity/plugin-identity';
import type { RunUpdater } from '../runs/run-updater';
import type { ChildRunFields } from './portico-action-runner';
import type { LogMirror } from './run-logger';

/** What ChildRuns needs of the runner and the executor. */
export interface ChildRunDeps {
  resolveAction(id: string): Promise<{ definition: ActionDefinition } | undefined>;
  entityFor(ref: EntityRef): Promise<Entity | null>;
  startRunDetailed(request: StartRunRequest, child: ChildRunFields): Promise<{ run: Run; created: boolean }>;
  getRun(id: string): Promise<Run | null>;
  cancelRun(id: string, actor: string): Promise<Run>;
  /** Claims a queued child and runs one attempt of it in this process, copying its log lines to `mirror`. */
  executeChild(id: string, mirror?: LogMirror): Promise<void>;
  /** The identity an actor id stands for now (roles re-read), or null. */
  resolveActor?: (id: string) => Promise<Identity | null>;
  updater: RunUpdater;
  /** How often a parent looks at a child waiting for approval or running elsewhere. */
  pollMs?: number;
}

const DEFAULT_POLL_MS = 200;

function entityRef(value: RunActionOptions['entity'], actionId: string): EntityRef | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string') {
    const at = value.indexOf(':');
    if (at <= 0 || at === value.length - 1) throw new ValidationError(`The entity of the step running "${actionId}" must be "<kind>:<id>" (got "${value}").`, [{ pointer: '/entity', message: 'must be "<kind>:<id>"' }]);
    return { kind: value.slice(0, at), id: value.slice(at + 1) };
  }
  if (typeof value.kind !== 'string' || typeof value.id !== 'string' || !value.kind || !value.id) {
    throw new ValidationError(`The entity of the step running "${actionId}" must be { kind, id } with both non-empty.`, [{ pointer: '/entity', message: 'must have kind and id' }]);
  }
  return { kind: value.kind, id: value.id };
}

function checkApproval(policy: ApprovalPolicy | undefined, actionId: string): void {
  if (!policy) return;
  if ((policy.users ?? []).length === 0 && (policy.teams ?? []).length === 0) {
    throw new ValidationError(`The approval required for the step running "${actionId}" names no approvers: list users or teams.`, [{ pointer: '/approval', message: 'must list users or teams' }]);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * `ctx.runAction`: starts another action as a child of a running run, under the parent's
 * actor and the child's own permission, schema and approvals, and follows it to its end.
 * The parent's worker executes the child itself, so parents waiting on children can never
 * fill every worker slot while the children wait in the queue behind them.
 */
export class ChildRuns {
  constructor(private readonly deps: ChildRunDeps) {}

  private async identityOf(actor: string): Promise<Identity | null> {
    if (actor.startsWith('plugin:')) return pluginIdentity(actor.slice('plugin:'.length));
    return (await this.deps.resolveActor?.(actor)) ?? null;
  }

  async run(parent: Run, actionId: string, options: RunActionOptions, signal: AbortSignal, logger: LoggerService): Promise<Run> {
    if (signal.aborted) throw signal.reason;
    const ref = entityRef(options.entity, actionId);
    checkApproval(options.approval, actionId);
    const action = await this.deps.resolveAction(actionId);
    if (!action) throw new NotFoundError(`The step's action "${actionId}" does not exist; is its plugin installed?`);
    const identity = await this.identityOf(parent.actor);
    if (!identity) throw new ForbiddenError(`Run ${parent.id} acts as ${parent.actor}, who can no longer be found, so its step "${actionId}" was not started.`);
    authorizeRunStart(identity, action.definition, ref ? await this.deps.entityFor(ref) : null);
    const { run: child } = await this.deps.startRunDetailed(
      { actionId, entity: ref, inputs: options.inputs ?? {}, actor: parent.actor },
      { parentRunId: parent.id, ...(options.title ? { title: options.title } : {}), ...(options.approval ? { extraApproval: options.approval } : {}) },
    );
    await this.deps.updater.update(parent.id, (r) => ({ ...r, childRunIds: [...(r.childRunIds ?? []), child.id] }));
    logger.info(`Started ${options.title ? `"${options.title}"` : `"${actionId}"`} as child run ${child.id}${child.status === 'waiting_for_approval' ? ' (waiting for approval)' : ''}`, { childRunId: child.id, actionId });
    const label = options.title ?? actionId;
    const mirror: LogMirror = (level, message, fields) => logger[level](`[${label}] ${message}`, { ...(fields ?? {}), childRunId: child.id });
    const ended = await this.follow(parent, child.id, signal, mirror);
    logger.info(`Child run ${child.id} ended ${ended.status}${ended.error ? `: ${ended.error}` : ''}`, { childRunId: child.id, status: ended.status });
    return ended;
  }

  /** Runs the child here when it is queued, waits while it waits for approval, and cancels it if the parent stops. */
  private async follow(parent: Run, childId: string, signal: AbortSignal, mirror: LogMirror): Promise<Run> {
    const onAbort = (): void => void this.deps.cancelRun(childId, `run ${parent.id}`).catch(() => undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      for (;;) {
        const child = await this.deps.getRun(childId);
        if (!child) throw new Error(`Child run ${childId} disappeared from the run store.`);
        if (isTerminalStatus(child.status)) return child;
        if (child.status === 'queued') await this.deps.executeChild(childId, mirror);
        else await sleep(this.deps.pollMs ?? DEFAULT_POLL_MS, signal);
        if (signal.aborted) throw signal.reason;
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }
}
