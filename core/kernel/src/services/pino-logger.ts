import pino, { type Logger } from 'pino';
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

/** Structured JSON logs on stdout (level from LOG_LEVEL, default info; `silent` in tests). */
export function createRootLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): LoggerService & { pino: Logger } {
  const level = options.level ?? process.env.LOG_LEVEL ?? 'info';
  const logger = pino({ level, base: { service: 'portico' }, redact: { paths: REDACT, censor: '[redacted]' } }, options.destination);
  return new PinoLoggerService(logger);
}
