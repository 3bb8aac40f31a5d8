import { ConflictError, NotFoundError, type Run, isTerminalStatus } from '@portico/plugin-api';
import { canTransition } from './run-status';
import type { RunStore, StoredRun } from './run-store';

/**
 * Compare-and-set updates of runs, with the status machine enforced and a run frozen once
 * it has ended. Every terminal transition is announced exactly once (the CAS decides).
 */
export class RunUpdater {
  private readonly finished = new Set<(run: Run) => void>();
  private readonly started = new Set<(run: Run) => void>();

  constructor(private readonly store: RunStore) {}

  onFinished(listener: (run: Run) => void): () => void {
    this.finished.add(listener);
    return () => this.finished.delete(listener);
  }

  /** Announces each attempt that starts (a run entering `running`), once, like `onFinished`. */
  onStarted(listener: (run: Run) => void): () => void {
    this.started.add(listener);
    return () => this.started.delete(listener);
  }

  /**
   * Applies `mutate` to the latest run until the write wins. `mutate` returns the new run, or
   * null to leave it as it is (then the current run is returned with `changed: false`).
   */
  async update(id: string, mutate: (run: Run) => Run | null): Promise<{ run: Run; changed: boolean }> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const stored = await this.store.get(id);
      if (!stored) throw new NotFoundError(`Run "${id}" does not exist; list runs at /api/v1/runs.`);
      const next = mutate(structuredClone(stored.run));
      if (!next) return { run: stored.run, changed: false };
      if (await this.write(stored, next)) return { run: next, changed: true };
    }
    throw new ConflictError(`Run "${id}" is being changed by many writers at once; try again.`);
  }

  /** One compare-and-set attempt; false when someone else wrote first. */
  async write(stored: StoredRun, next: Run): Promise<boolean> {
    const from = stored.run.status;
    if (isTerminalStatus(from)) {
      throw new ConflictError(`Run "${stored.run.id}" has ended (${from}); an ended run is frozen.`, { runId: stored.run.id, status: from }, 'run-frozen');
    }
    if (next.status !== from && !canTransition(from, next.status)) {
      throw new ConflictError(`Run "${stored.run.id}" cannot go from ${from} to ${next.status}.`, { runId: stored.run.id, status: from }, 'run-transition');
    }
    if (isTerminalStatus(next.status) && !next.endedAt) next.endedAt = new Date().toISOString();
    const done = await this.store.replace(stored, next);
    if (done && next.status === 'running' && from !== 'running') for (const l of this.started) l(next);
    if (done && isTerminalStatus(next.status)) for (const l of this.finished) l(next);
    return done;
  }
}
