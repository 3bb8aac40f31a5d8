import { BillingError } from '../billing/billing';

interface StripeLikeError {
  type?: string;
  rawType?: string;
  message?: string;
  code?: string;
  decline_code?: string;
  param?: string;
  statusCode?: number;
  requestId?: string;
}

/** Turns a Stripe SDK error into a BillingError whose message a support engineer can act on. */
export function toBillingError(error: unknown, what: string): BillingError {
  const e = error as StripeLikeError;
  const said = e.message ?? String(error);
  const request = e.requestId ? ` (request ${e.requestId})` : '';
  switch (e.type) {
    case 'StripeCardError':
      return new BillingError(`Stripe declined the card while trying to ${what}: ${said}${e.decline_code ? ` (${e.decline_code})` : e.code ? ` (${e.code})` : ''}. Ask the customer to update their payment method, then run this again.`, 'card_error', e.code);
    case 'StripeRateLimitError':
      return new BillingError(`Stripe's rate limit was hit while trying to ${what}${request}. Nothing was changed by this request; run this again in a minute.`, 'rate_limit_error', e.code);
    case 'StripeAuthenticationError':
      return new BillingError(`Stripe refused the API key while trying to ${what}: ${said}. Check the Stripe secret key secret of the backoffice plugin.`, 'authentication_error', e.code);
    case 'StripePermissionError':
      return new BillingError(`The Stripe API key may not ${what}: ${said}. Use a key with write access to customers and subscriptions.`, 'permission_error', e.code);
    case 'StripeIdempotencyError':
      return new BillingError(`Stripe refused to ${what}: ${said}. An earlier request with the same idempotency key had other parameters.`, 'idempotency_error', e.code);
    case 'StripeInvalidRequestError':
      return new BillingError(`Stripe refused to ${what}: ${said}${e.param ? ` (parameter ${e.param})` : ''}${request}.`, 'invalid_request_error', e.code);
    case 'StripeConnectionError':
      return new BillingError(`Could not reach Stripe to ${what}: ${said}. Check stripe.host and the network.`, 'connection_error', e.code);
    case 'StripeAPIError':
      return new BillingError(`Stripe failed to ${what} (${e.statusCode ?? 'error'}): ${said}${request}. Try again later.`, 'api_error', e.code);
    default:
      return new BillingError(`Could not ${what}: ${said}`, e.rawType ?? 'unknown', e.code);
  }
}
