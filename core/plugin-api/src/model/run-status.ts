import type { RunStatus } from './action';

/**
 * The statuses a run ends in: once in one of them, a run never changes again.
 * @public
 */
export const TERMINAL_RUN_STATUSES: readonly RunStatus[] = ['succeeded', 'failed', 'cancelled', 'declined', 'timed_out'];

/**
 * Whether a run in this status has ended (and so can no longer change).
 * @public
 */
export function isTerminalStatus(status: RunStatus): boolean {
  return TERMINAL_RUN_STATUSES.includes(status);
}
