import { isTerminalStatus } from './run-status';

test('only finished runs are terminal', () => {
  expect(['succeeded', 'failed', 'cancelled', 'declined', 'timed_out'].every((s) => isTerminalStatus(s as never))).toBe(true);
  expect(['queued', 'waiting_for_approval', 'running'].some((s) => isTerminalStatus(s as never))).toBe(false);
});
