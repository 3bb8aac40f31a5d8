import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checks PagerDuty's webhook v3 `X-PagerDuty-Signature`: one or more comma-separated
 * `v1=<hex HMAC-SHA256 of the raw body>` (several while a secret rotates); one match suffices.
 * @public
 */
export function verifyPagerDutySignature(secret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(`v1=${createHmac('sha256', secret).update(rawBody).digest('hex')}`);
  return header
    .split(',')
    .map((s) => Buffer.from(s.trim()))
    .some((given) => given.length === expected.length && timingSafeEqual(given, expected));
}
