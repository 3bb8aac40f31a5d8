import type { LoggerService } from '@portico/plugin-api';
import type { RunLogLevel, RunStore } from '../runs/run-store';

/** Receives a copy of every line (a child run's lines go to its parent's log too). */
export type LogMirror = (level: RunLogLevel, message: string, fields?: Record<string, unknown>) => void;

/**
 * The logger a handler gets: each line is appended to the run's log in order. Appends are
 * chained so lines keep their order; `flush` waits for all of them before the run ends.
 */
export class RunLogger implements LoggerService {
  private chain: Promise<unknown>;

  constructor(
    private readonly store: RunStore,
    private readonly runId: string,
    private readonly fields: Record<string, unknown> = {},
    shared?: { chain: Promise<unknown> },
    private readonly root?: RunLogger,
    private readonly mirror?: LogMirror,
  ) {
    this.chain = shared?.chain ?? Promise.resolve();
  }

  private write(level: RunLogLevel, message: string, fields?: Record<string, unknown>): void {
    const all = { ...this.fields, ...(fields ?? {}) };
    const owner = this.root ?? this;
    owner.mirror?.(level, String(message), fields);
    owner.chain = owner.chain
      .then(() => this.store.appendLog(this.runId, { at: new Date().toISOString(), type: 'line', level, message: String(message), ...(Object.keys(all).length > 0 ? { fields: all } : {}) }))
      .catch(() => undefined);
  }

  debug(message: string, fields?: Record<string, unknown>): void {
    this.write('debug', message, fields);
  }
  info(message: string, fields?: Record<string, unknown>): void {
    this.write('info', message, fields);
  }
  warn(message: string, fields?: Record<string, unknown>): void {
    this.write('warn', message, fields);
  }
  error(message: string, fields?: Record<string, unknown>): void {
    this.write('error', message, fields);
  }
  child(fields: Record<string, unknown>): LoggerService {
    return new RunLogger(this.store, this.runId, { ...this.fields, ...fields }, undefined, this.root ?? this);
  }

  async flush(): Promise<void> {
    await (this.root ?? this).chain;
  }
}
