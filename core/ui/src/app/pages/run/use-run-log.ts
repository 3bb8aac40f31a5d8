import { useEffect, useState } from 'react';

export interface RunLogLine {
  id: string;
  at: string;
  type: 'line' | 'end';
  level?: 'debug' | 'info' | 'warn' | 'error';
  message?: string;
  fields?: Record<string, unknown>;
  status?: string;
}

/**
 * Tails a run's log over Server-Sent Events: the server replays the log so far, then sends
 * lines as they are written and an `end` event when the run ends, after which the stream is
 * closed here (EventSource would otherwise reconnect and replay it).
 */
export function useRunLog(runId: string): { lines: RunLogLine[]; ended: boolean; connected: boolean } {
  const [lines, setLines] = useState<RunLogLine[]>([]);
  const [ended, setEnded] = useState(false);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    setLines([]);
    setEnded(false);
    const source = new EventSource(`/api/v1/runs/${encodeURIComponent(runId)}/logs`);
    const seen = new Set<string>();
    const add = (event: MessageEvent<string>): RunLogLine | null => {
      try {
        const entry = JSON.parse(event.data) as RunLogLine;
        if (seen.has(entry.id)) return null;
        seen.add(entry.id);
        setLines((current) => [...current, entry]);
        return entry;
      } catch {
        return null;
      }
    };
    source.onopen = () => setConnected(true);
    source.addEventListener('log', (event) => add(event as MessageEvent<string>));
    source.addEventListener('end', (event) => {
      add(event as MessageEvent<string>);
      setEnded(true);
      setConnected(false);
      source.close();
    });
    source.onerror = () => setConnected(false);
    return () => source.close();
  }, [runId]);
  return { lines, ended, connected };
}
