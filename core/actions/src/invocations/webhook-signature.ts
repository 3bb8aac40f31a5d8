import { createHmac, timingSafeEqual } from 'node:crypto';

/** @public */
export const SIGNATURE_HEADER = 'X-Portico-Signature';
/** @public */
export const TIMESTAMP_HEADER = 'X-Portico-Timestamp';

/**
 * `sha256=<hex>` of HMAC-SHA256 over `${timestamp}.${body}`: the timestamp is signed too, so a captured request cannot be replayed later.
 * @public
 */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * For receivers: checks the signature and that the timestamp is within `toleranceSeconds` of now.
 * @public
 */
export function verifyWebhookSignature(options: { secret: string; timestamp: string; body: string; signature: string; toleranceSeconds?: number; now?: number }): boolean {
  const ts = Number(options.timestamp);
  if (!Number.isFinite(ts)) return false;
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(now - ts) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(options.secret, options.timestamp, options.body));
  const given = Buffer.from(options.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
