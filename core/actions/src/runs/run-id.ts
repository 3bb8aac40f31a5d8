import { randomBytes } from 'node:crypto';

let lastMs = 0;
let sequence = 0;

/**
 * Run ids sort by creation time as strings (9 base-36 time digits, a 4-digit sequence for
 * runs created in the same millisecond by this process, then randomness), so run indexes
 * can be lexicographic sets paged with a cursor that never skips or repeats.
 */
export function newRunId(now = Date.now()): string {
  if (now <= lastMs) {
    sequence++;
    now = lastMs;
  } else {
    lastMs = now;
    sequence = 0;
  }
  return `run_${now.toString(36).padStart(9, '0')}${sequence.toString(36).padStart(4, '0')}${randomBytes(5).toString('hex')}`;
}
