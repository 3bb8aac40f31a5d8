import type { RunStatus } from '@portico/plugin-api';

const TERMINAL: ReadonlySet<RunStatus> = new Set(['succeeded', 'failed', 'cancelled', 'declined', 'timed_out']);

/** Whether a run in this status can still change. */
export function isTerminalStatus(status: RunStatus): boolean {
  return TERMINAL.has(status);
}
