import { useCallback, useState } from 'react';
import type { EntityRef, Run } from '@portico/plugin-api';
import { apiFetch } from '../api/api-fetch';

/** @alpha */
export interface RunActionState {
  /** Starts a run; resolves with it (status `queued` or `waiting_for_approval` at first). */
  run(inputs: Record<string, unknown>, entity?: EntityRef | null): Promise<Run>;
  pending: boolean;
  error: Error | undefined;
  lastRun: Run | undefined;
}

/**
 * Starts runs of one action. Errors are kept in `error` and also rethrown to the caller.
 * @alpha
 */
export function useRunAction(actionId: string): RunActionState {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [lastRun, setLastRun] = useState<Run | undefined>(undefined);
  const run = useCallback(
    async (inputs: Record<string, unknown>, entity?: EntityRef | null): Promise<Run> => {
      setPending(true);
      setError(undefined);
      try {
        const started = await apiFetch<Run>(`/actions/${encodeURIComponent(actionId)}/runs`, {
          method: 'POST',
          body: entity ? { entity: { kind: entity.kind, id: entity.id }, inputs } : { inputs },
        });
        setLastRun(started);
        return started;
      } catch (caught) {
        setError(caught as Error);
        throw caught;
      } finally {
        setPending(false);
      }
    },
    [actionId],
  );
  return { run, pending, error, lastRun };
}
