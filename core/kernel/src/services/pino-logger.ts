import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { LoggerService } from '@portico/plugin-api';

/** Field names whose values never reach the log. */
const REDACT = ['authorization', 'token', 'password', 'secret', '*.authorization', '*.token', '*.password', '*.secret', 'headers.authorization'];

class PinoLoggerService implements LoggerService {
  constructor(readonly pino: Logger) {}
  debug(message: string, fields?: Record<string, unknown>): void {
    this.pino.debug(fields ?? {}, message);
  }
  info(message: string, fields?: Record<string, unknown>): void {
    this.pino.info(fields ?? {}, message);
  }
  warn(message: string, fields?: Record<string, unknown>): void {
    this.pino.warn(fields ?? {}, message);
  }
  error(message: string, fields?: Record<string, unknown>): void {
    this.pino.error(fields ?? {}, message);
  }
  child(fields: Record<string, unknown>): LoggerService {
    return new PinoLoggerService(this.pino.child(fields));
  }
}

/**
 * Readable lines when stdout is a terminal (pino-pretty), JSON lines otherwise (a file, a pipe,
 * a log collector); `LOG_FORMAT=json` or `pretty` decides instead.
 */
function defaultDestination(): pino.DestinationStream | undefined {
  const format = process.env.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json');
  if (format !== 'pretty') return undefined;
  return pretty({ colorize: process.stdout.isTTY === true, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' });
}

/** Structured logs on stdout (level from LOG_LEVEL, default info; `silent` in tests). */
export function createRootLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): LoggerService & { pino: Logger } {
  const level = options.level ?? process.env.LOG_LEVEL ?? 'info';
  const logger = pino({ level, base: { service: 'portico' }, redact: { paths: REDACT, censor: '[redacted]' } }, options.destination ?? defaultDestination());
  return new PinoLoggerService(logger);
}
