/**
 * How Stripe bills a mid-period price change (its `proration_behavior`).
 * @public
 */
export type ProrationBehavior = 'create_prorations' | 'always_invoice' | 'none';
export const PRORATION_BEHAVIORS: ProrationBehavior[] = ['create_prorations', 'always_invoice', 'none'];

/** @public */
export interface BillingCustomer {
  id: string;
  name: string | null;
  email: string | null;
  metadata: Record<string, string>;
}

/** @public */
export interface BillingSubscription {
  id: string;
  customer: string;
  status: string;
  /** The subscription item whose price is the plan. */
  itemId: string;
  priceId: string;
}

/**
 * An amount in the currency's smallest unit (cents), as Stripe gives it.
 * @public
 */
export interface BillingAmount {
  amount: number;
  currency: string;
}

/**
 * A webhook event that changes what the catalog knows about a customer.
 * @public
 */
export interface BillingEvent {
  id: string;
  type: string;
  subscription?: BillingSubscription;
  /** For `customer.subscription.deleted`. */
  deleted?: boolean;
}

/**
 * Billing as the backoffice actions use it. Every create and update takes an idempotency key, so
 * a retried request or run attempt never charges or creates twice; deletes and cancellations are
 * idempotent in Stripe by nature (Stripe ignores idempotency keys on DELETE), and one already done
 * fails with the code `resource_missing`.
 * @public
 */
export interface Billing {
  createCustomer(input: { name: string; email?: string; metadata: Record<string, string> }, idempotencyKey: string): Promise<BillingCustomer>;
  deleteCustomer(id: string): Promise<void>;
  createSubscription(input: { customer: string; price: string }, idempotencyKey: string): Promise<BillingSubscription>;
  cancelSubscription(id: string): Promise<void>;
  getSubscription(id: string): Promise<BillingSubscription>;
  /** What the next invoice comes to once the subscription's price is `price` under `proration`. */
  previewPriceChange(input: { subscription: BillingSubscription; price: string; proration: ProrationBehavior }): Promise<BillingAmount>;
  changePrice(input: { subscription: BillingSubscription; price: string; proration: ProrationBehavior }, idempotencyKey: string): Promise<BillingSubscription>;
  listCustomers(): Promise<BillingCustomer[]>;
  listSubscriptions(): Promise<BillingSubscription[]>;
  /** Verifies a webhook's signature header against the raw body; throws a BillingError when it does not match. */
  verifyWebhook(rawBody: Buffer, signature: string | undefined): Promise<BillingEvent>;
}

/**
 * A billing call that failed, with one sentence saying why and what to do.
 * @public
 */
export class BillingError extends Error {
  constructor(
    message: string,
    /** Stripe's error type (`card_error`, `rate_limit_error`, ...) or `signature`. */
    readonly kind: string,
    /** Stripe's error code, e.g. `card_declined` or `resource_missing`. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'BillingError';
  }
}

/** Formats 1999 + `usd` as `19.99 USD` (zero-decimal currencies aside, which the plugin does not bill in). */
export function formatAmount({ amount, currency }: BillingAmount): string {
  return `${(amount / 100).toFixed(2)} ${currency.toUpperCase()}`;
}
