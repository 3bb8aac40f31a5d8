import type { Entity, EntityInput, EntityRef } from './entity';
import type { JsonSchema } from './json-schema';
import type { QueryFilter } from './query';
import type { LoggerService } from '../services/logger-service';
import type { CatalogService } from '../services/catalog-service';

/** @public */
export type ActionOperation = 'create' | 'day-2' | 'delete';

/** @public */
export interface ApprovalPolicy {
  /** User ids allowed to approve. */
  users?: string[];
  /** Team ids whose members may approve. */
  teams?: string[];
  /** `any`: one approval suffices (default); `all`: every listed user must approve. */
  mode?: 'any' | 'all';
  /**
   * Whether the person who requested a run may approve it themselves (default false: a
   * request needs someone else's approval, so one person alone cannot push it through).
   */
  allowSelfApproval?: boolean;
}

/** @public */
export interface RetryPolicy {
  attempts: number;
  backoffMs?: number;
}

/**
 * What an in-process handler receives.
 * @public
 */
export interface ActionContext<I = Record<string, unknown>> {
  runId: string;
  inputs: I;
  entity: Entity | null;
  actor: string;
  /** Lines go to the run log, which the UI tails live. */
  logger: LoggerService;
  /** Catalog access scoped to the run: entities written here are recorded as affected. */
  catalog: Pick<CatalogService, 'get' | 'query' | 'upsert' | 'patch' | 'delete'>;
  secrets: { get(name: string): Promise<string | undefined> };
  signal: AbortSignal;
  setOutput(name: string, value: unknown): void;
  addLink(link: { title: string; url: string }): void;
  setProgress(percent: number): void;
  /**
   * Runs another action (any plugin's) as a child of this run and resolves with the child's
   * final state once it ends, whatever its status: the handler decides what a failed child
   * means. The child runs as this run's actor under the child action's own permission, input
   * schema and approval policy, plus `options.approval` when given; its log is its own, and
   * this run's log names it and copies each of its lines, prefixed `[<title or action id>]`.
   * Rejects, starting nothing, when the child cannot start: unknown action or entity, inputs
   * its schema refuses, or an actor lacking its permission. When this run is cancelled or
   * times out, a child still open is cancelled too.
   */
  runAction(actionId: string, options?: RunActionOptions): Promise<Run>;
}

/**
 * What `ActionContext.runAction` starts a child run with.
 * @public
 */
export interface RunActionOptions {
  inputs?: Record<string, unknown>;
  /** The entity the child acts on, as a ref or `<kind>:<id>`. */
  entity?: EntityRef | string | null;
  /** An approval the child needs before it runs, on top of any its action requires. */
  approval?: ApprovalPolicy;
  /** Shown on the child run, e.g. "Step 2: scale cart-service". */
  title?: string;
}

/** @public */
export type ActionHandler<I = Record<string, unknown>> = (ctx: ActionContext<I>) => Promise<void> | void;

/** @public */
export interface WebhookInvocation {
  type: 'webhook';
  url: string;
  method?: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  /**
   * A JSON template; `{{inputs.x}}`, `{{entity.id}}`, `{{run.id}}`, `{{run.callbackToken}}`
   * (async mode), `{{actor}}` and `{{secrets.name}}` are substituted. A template may use only
   * the secrets the action lists in `secrets`.
   */
  body?: unknown;
  /** Name of the secret whose value signs the request (HMAC-SHA256); it must be listed in the action's `secrets`. */
  secret?: string;
  /** `sync`: the HTTP status decides the run; `async`: the receiver reports back through the API. */
  mode?: 'sync' | 'async';
}

/** @public */
export interface HandlerInvocation<I = Record<string, unknown>> {
  type: 'handler';
  handler: ActionHandler<I>;
}

/** @public */
export interface AgentInvocation {
  type: 'agent';
  /** Queue name an external agent consumes. */
  queue: string;
}

/** @public */
export type ActionInvocation<I = Record<string, unknown>> =
  | HandlerInvocation<I>
  | WebhookInvocation
  | AgentInvocation;

/** @public */
export interface ActionDefinition<I = Record<string, unknown>> {
  id: string;
  title: string;
  description?: string;
  icon?: string;
  /** Kind the action applies to; omitted for global actions. */
  kind?: string;
  operation: ActionOperation;
  inputSchema: JsonSchema;
  /** Offered only on entities matching this filter. */
  condition?: QueryFilter;
  permission?: string;
  /**
   * The secrets this action may use: a webhook template may reference only these (others
   * are refused when the action is defined and again when it runs), and a handler's
   * `ctx.secrets.get` reads only these. A handler action that lists none reads any secret,
   * as the plugin's own `coreServices.secrets` does (docs/security.md).
   */
  secrets?: string[];
  approval?: ApprovalPolicy;
  timeoutMs?: number;
  retry?: RetryPolicy;
  invocation: ActionInvocation<I>;
}

/** @public */
export type RunStatus =
  | 'queued'
  | 'waiting_for_approval'
  | 'running'
  | 'succeeded'
  | 'failed'
  | 'cancelled'
  | 'declined'
  | 'timed_out';

/** @public */
export interface Run {
  id: string;
  actionId: string;
  status: RunStatus;
  inputs: Record<string, unknown>;
  entity: EntityRef | null;
  actor: string;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  outputs: Record<string, unknown>;
  links: Array<{ title: string; url: string }>;
  affectedEntities: EntityRef[];
  progress: number | null;
  error: string | null;
  attempts: number;
  approvals: Array<{ by: string; decision: 'approve' | 'decline'; comment?: string; at: string }>;
  /** The run that started this one with `ctx.runAction`, or null. */
  parentRunId?: string | null;
  /** Runs this one started with `ctx.runAction`, in the order started. */
  childRunIds?: string[];
  /** A label its parent gave it ("Step 2: scale cart-service"). */
  title?: string | null;
  /** An approval its parent required on top of the action's own policy. */
  extraApproval?: ApprovalPolicy | null;
}

/** Re-exported for handlers that create entities. */
export type { EntityInput };
