import type { Request, Response } from 'express';
import type { PorticoActionRunner } from '../runner/portico-action-runner';
import type { RunLogEntry } from '../runs/run-store';
import { isLogEntryId } from '../runs/log-entry-id';

const WAIT_MS = 5000;

/** Log ids are `<ms>-<seq>` (Redis Stream ids); compare them as numbers. */
function isAfter(id: string, last: string): boolean {
  const [a, b] = id.split('-').map(Number);
  const [c, d] = last.split('-').map(Number);
  return a > c || (a === c && b > d);
}

function frame(entry: RunLogEntry): string {
  return `id: ${entry.id}\nevent: ${entry.type === 'end' ? 'end' : 'log'}\ndata: ${JSON.stringify(entry)}\n\n`;
}

/** Server-Sent Events: the log so far, then live lines, closed by an `end` event when the run ends. */
export async function streamRunLogs(runner: PorticoActionRunner, runId: string, replay: RunLogEntry[], req: Request, res: Response): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  res.flushHeaders();
  const closed = new AbortController();
  req.on('close', () => closed.abort());
  res.on('close', () => closed.abort());
  // A Last-Event-ID that is not one of ours is ignored (the stream replays from the start).
  const lastEventId = String(req.get('last-event-id') ?? '');
  let last = isLogEntryId(lastEventId) ? lastEventId : '';
  let entries = last ? replay.filter((e) => isAfter(e.id, last)) : replay;
  while (!closed.signal.aborted) {
    for (const entry of entries) {
      res.write(frame(entry));
      last = entry.id;
      if (entry.type === 'end') {
        res.end();
        return;
      }
    }
    if (entries.length === 0) res.write(': waiting\n\n');
    try {
      entries = await runner.waitLogs(runId, last, WAIT_MS, closed.signal);
    } catch {
      // Redis away for a moment: keep the stream and try again.
      await new Promise((r) => setTimeout(r, 500));
      entries = [];
    }
  }
  res.end();
}
