import { configure } from 'safe-stable-stringify';

/**
 * Canonical JSON: object keys sorted, no whitespace, so equal documents give equal text and
 * equal hashes whichever store wrote them (safe-stable-stringify, the serialiser pino uses).
 */
export const canonicalJson = configure({ deterministic: true, circularValue: TypeError, bigint: false }) as (value: unknown) => string;
