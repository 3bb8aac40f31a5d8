import { useEffect } from 'react';
import type { Run } from '@portico/plugin-api';
import { useApi, type ApiState } from '../api/use-api';
import { isTerminalStatus } from '@portico/plugin-api';

/**
 * One run, refreshed every `pollMs` until it reaches a terminal status. Log lines are a
 * separate SSE stream (see the shell's run page); status changes are cheap to poll.
 * @alpha
 */
export function useRun(runId: string | null, pollMs = 1000): ApiState<Run> {
  const state = useApi<Run>(runId ? `/runs/${encodeURIComponent(runId)}` : null);
  const { data, reload, loading } = state;
  const done = data ? isTerminalStatus(data.status) : false;
  useEffect(() => {
    if (!runId || done || loading) return undefined;
    const timer = setTimeout(reload, pollMs);
    return () => clearTimeout(timer);
  }, [runId, done, loading, reload, pollMs, data]);
  return state;
}
