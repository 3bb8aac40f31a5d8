import { createHmac } from 'node:crypto';

/**
 * HMAC-SHA256 of `payload` under `secret`, hex (the digest GitHub, PagerDuty and Stripe sign with).
 * @alpha
 */
export function hmacSha256Hex(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('hex');
}

/** @alpha */
export interface WebhookDelivery {
  status: number;
  body: unknown;
}

/**
 * POSTs `payload` as JSON to `url` with the headers `sign` computes from the exact bytes sent,
 * as a vendor delivers a signed webhook. Pass a `sign` that returns a wrong signature to test refusal.
 * @alpha
 */
export async function deliverWebhook(url: string, payload: unknown, sign: (rawBody: string) => Record<string, string>): Promise<WebhookDelivery> {
  const rawBody = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...sign(rawBody) }, body: rawBody });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // keep the text
  }
  return { status: response.status, body };
}
