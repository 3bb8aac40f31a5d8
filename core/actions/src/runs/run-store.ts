import type { EntityRef, Run, RunStatus } from '@portico/plugin-api';

export type RunLogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * One line of a run's append-only log; `end` marks the run's end (SSE closes on it).
 * @public
 */
export interface RunLogEntry {
  id: string;
  at: string;
  type: 'line' | 'end';
  level: RunLogLevel;
  message: string;
  fields?: Record<string, unknown>;
}

export type NewRunLogEntry = Omit<RunLogEntry, 'id'>;

export interface StoredRun {
  run: Run;
  /** Increases on every write: updates are compare-and-set on it. */
  rev: number;
}

/** @public */
export interface RunListFilter {
  actionId?: string;
  status?: RunStatus;
  entity?: EntityRef;
  actor?: string;
  limit: number;
  cursor?: string;
}

export interface CreateRunOptions {
  idempotencyKey?: string;
  /** Secret input values, kept apart from the run and dropped when it ends. */
  secretInputs?: Record<string, unknown>;
}

/** Definitions created through the API (webhook/agent actions, automations), shared by all instances. */
export interface StoredDefinition {
  definition: unknown;
  owner: string;
  /** For automations made through the API: the identity that created it, which its runs start as. */
  createdBy?: string;
}

export type DefinitionNamespace = 'actions' | 'automations';

/** Where runs, their logs and API-created actions live: Redis, or memory plus a file. */
export interface RunStore {
  /** Creates the run, or returns the run already created with this idempotency key. */
  create(run: Run, options?: CreateRunOptions): Promise<{ run: Run; created: boolean }>;
  get(id: string): Promise<StoredRun | null>;
  /**
   * Replaces the run if its revision is still `expectedRev`; when the new status is terminal
   * the log's end marker is written in the same step, so tails always end.
   */
  replace(previous: StoredRun, next: Run): Promise<boolean>;
  list(filter: RunListFilter): Promise<{ items: Run[]; nextCursor: string | null }>;
  getSecretInputs(id: string): Promise<Record<string, unknown>>;
  deleteSecretInputs(id: string): Promise<void>;
  /** Appends a line unless the run has ended (then returns null: an ended run's log is frozen). */
  appendLog(id: string, entry: NewRunLogEntry): Promise<string | null>;
  readLogs(id: string, options?: { after?: string; limit?: number }): Promise<RunLogEntry[]>;
  /** Waits up to `waitMs` for entries after `after`. */
  waitLogs(id: string, after: string, waitMs: number, signal: AbortSignal): Promise<RunLogEntry[]>;
  publishCancel(id: string): Promise<void>;
  onCancel(listener: (id: string) => void): () => void;
  saveDefinition(namespace: DefinitionNamespace, id: string, record: StoredDefinition): Promise<void>;
  deleteDefinition(namespace: DefinitionNamespace, id: string): Promise<void>;
  listDefinitions(namespace: DefinitionNamespace): Promise<StoredDefinition[]>;
  /** Each connection to an external store (none in memory), for `/readyz`. */
  health?(): Array<{ name: string; status: string }>;
  close(): Promise<void>;
}
