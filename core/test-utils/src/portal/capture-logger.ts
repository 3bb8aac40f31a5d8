import type { LoggerService } from '@portico/plugin-api';

/** @alpha */
export interface CapturedLine {
  level: string;
  message: string;
  fields: Record<string, unknown>;
}

/**
 * A portal logger that keeps lines in memory, so a failing test can show what the portal said.
 * @alpha
 */
export function captureLogger(lines: CapturedLine[], base: Record<string, unknown> = {}): LoggerService {
  const at = (level: string) => (message: string, fields: Record<string, unknown> = {}): void => {
    lines.push({ level, message, fields: { ...base, ...fields } });
    if (process.env.PORTICO_TEST_LOG) console.log(level, message, JSON.stringify({ ...base, ...fields }));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: (fields) => captureLogger(lines, { ...base, ...fields }) };
}
