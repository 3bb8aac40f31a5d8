import type { RunStatus } from '@portico/plugin-api';

/**
 * The status machine. `running → queued` is a retry waiting for its backoff and
 * `waiting_for_approval → queued` an approved run waiting for a worker.
 */
const ALLOWED: Record<RunStatus, readonly RunStatus[]> = {
  queued: ['waiting_for_approval', 'running', 'cancelled', 'failed'],
  waiting_for_approval: ['queued', 'declined', 'cancelled'],
  running: ['running', 'queued', 'succeeded', 'failed', 'cancelled', 'timed_out'],
  succeeded: [],
  failed: [],
  cancelled: [],
  declined: [],
  timed_out: [],
};

export function canTransition(from: RunStatus, to: RunStatus): boolean {
  return ALLOWED[from].includes(to);
}

export const ALL_STATUSES: readonly RunStatus[] = Object.keys(ALLOWED) as RunStatus[];
