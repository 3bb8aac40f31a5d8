import type { Run } from '@portico/plugin-api';
import type { AuditEvent } from '@portico/auth';

/** The part of the action runner that announces runs starting and ending. */
export interface RunAnnouncer {
  onStarted(listener: (run: Run) => void): () => void;
  onFinished(listener: (run: Run) => void): () => void;
}

/**
 * Records every run attempt that starts and every run that ends, whoever started it (a
 * person, an automation, a plugin). The process that moved the run records it, once.
 * Outputs and inputs are kept only as digests, so secrets never reach the log.
 */
export function auditRuns(runs: RunAnnouncer, audit: { record(event: AuditEvent): Promise<void> }): () => void {
  const base = (run: Run): Pick<AuditEvent, 'actor' | 'via' | 'target'> => ({ actor: run.actor, via: 'internal', target: `run:${run.id}` });
  const offStarted = runs.onStarted((run) => {
    void audit.record({ ...base(run), action: 'run.started', outcome: 'ok', note: { actionId: run.actionId, attempt: run.attempts, ...(run.entity ? { entity: `${run.entity.kind}:${run.entity.id}` } : {}) } });
  });
  const offFinished = runs.onFinished((run) => {
    void audit.record({
      ...base(run),
      action: 'run.finished',
      outcome: run.status === 'failed' || run.status === 'timed_out' ? 'failed' : 'ok',
      after: { status: run.status, outputs: run.outputs, error: run.error },
      note: { actionId: run.actionId, status: run.status, attempts: run.attempts },
    });
  });
  return () => {
    offStarted();
    offFinished();
  };
}
