import { randomBytes } from 'node:crypto';
import { cursorPage, hmacSha256Hex, startUpstreamFake, type UpstreamFake, type UpstreamReply, type UpstreamRequest, type UpstreamRoute } from '@portico/test-utils';
import type { JsonSchema } from '@portico/plugin-api';

// A local Stripe for tests: exactly the endpoints the plugin's client uses, with Stripe's
// documented form-encoded parameters, list objects (`has_more`, `starting_after`), error objects,
// idempotency keys (a replay returns the first answer, other parameters under the same key are
// refused) and signed webhook payloads.

export interface FakePrice {
  id: string;
  unit_amount: number;
  currency: string;
}

export interface FakeStripe {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly upstream: UpstreamFake;
  readonly secretKey: string;
  readonly webhookSecret: string;
  readonly customers: Array<Record<string, any>>;
  readonly subscriptions: Array<Record<string, any>>;
  /** The next request to `route` is carried out and stored for replay, then answered 500, so the SDK retries it with the same key. */
  failAfterHandling(route: string): void;
  /** A `card_error` for the next request to `route`, as Stripe answers a declined card. */
  declineNext(route: string): void;
  /** A `rate_limit_error` 429 for the next request to `route`. */
  rateLimitNext(route: string): void;
  /** A webhook event's body and its `Stripe-Signature` header, signed with the webhook secret. */
  signedEvent(type: string, object: unknown, options?: { secret?: string; timestamp?: number }): { body: string; headers: Record<string, string> };
  close(): Promise<void>;
}

const stringMap: JsonSchema = { type: 'object', additionalProperties: { type: 'string' } };
const listQuery: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { limit: { type: 'string', pattern: '^\\d+$' }, starting_after: { type: 'string' }, ending_before: { type: 'string' }, status: { type: 'string', enum: ['active', 'all', 'canceled', 'past_due', 'trialing', 'unpaid', 'incomplete', 'incomplete_expired', 'paused'] } },
};

function stripeError(status: number, type: string, message: string, extra: Record<string, unknown> = {}): UpstreamReply {
  return { status, body: { error: { type, message, ...extra } } };
}

function objectId(prefix: string): string {
  return `${prefix}_${randomBytes(10).toString('hex')}`;
}

export async function startFakeStripe(options: { prices: FakePrice[] }): Promise<FakeStripe> {
  const secretKey = `sk_test_${randomBytes(12).toString('hex')}`;
  const webhookSecret = `whsec_${randomBytes(12).toString('hex')}`;
  const prices = new Map(options.prices.map((p) => [p.id, { ...p, object: 'price', recurring: { interval: 'month' } }]));
  const customers: Array<Record<string, any>> = [];
  const subscriptions: Array<Record<string, any>> = [];
  const replays = new Map<string, { rawBody: string; route: string; reply: UpstreamReply }>();
  const failAfter = new Set<string>();

  const list = (items: Array<Record<string, any>>, request: UpstreamRequest, url: string): UpstreamReply => {
    try {
      const page = cursorPage(items, request.query, { idOf: (item) => item.id, defaultLimit: 10, maxLimit: 100 });
      return { body: { object: 'list', data: page.items, has_more: page.hasMore, url } };
    } catch (error) {
      return stripeError(400, 'invalid_request_error', (error as Error).message, { param: 'starting_after' });
    }
  };
  const subscriptionItem = (priceId: string): Record<string, any> => ({ id: objectId('si'), object: 'subscription_item', price: prices.get(priceId), quantity: 1 });
  const findSubscription = (id: string): Record<string, any> | undefined => subscriptions.find((s) => s.id === id);
  const missing = (what: string, id: string, param: string): UpstreamReply => stripeError(404, 'invalid_request_error', `No such ${what}: '${id}'`, { code: 'resource_missing', param });

  /** Stripe's idempotency: the same key and parameters replay the first answer; other parameters are refused. */
  const idempotent = (route: string, handle: (request: UpstreamRequest) => UpstreamReply): UpstreamRoute['handle'] => (request) => {
    const key = request.headers['idempotency-key'];
    if (key) {
      const seen = replays.get(key);
      if (seen) {
        if (seen.rawBody !== request.rawBody || seen.route !== route) {
          return stripeError(400, 'idempotency_error', `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`);
        }
        return { ...seen.reply, headers: { ...(seen.reply.headers ?? {}), 'idempotent-replayed': 'true' } };
      }
    }
    const reply = handle(request);
    if (key && (reply.status ?? 200) < 500) replays.set(key, { rawBody: request.rawBody, route, reply });
    if (failAfter.delete(route)) return stripeError(500, 'api_error', 'An unknown error occurred');
    return reply;
  };

  const routes: UpstreamRoute[] = [
    {
      route: 'POST /v1/customers',
      request: { body: { type: 'object', additionalProperties: false, properties: { name: { type: 'string' }, email: { type: 'string' }, metadata: stringMap } } },
      handle: idempotent('POST /v1/customers', ({ body }) => {
        const b = (body ?? {}) as Record<string, any>;
        const customer = { id: objectId('cus'), object: 'customer', name: b.name ?? null, email: b.email ?? null, metadata: b.metadata ?? {}, created: Math.floor(Date.now() / 1000), livemode: false };
        customers.unshift(customer);
        return { body: customer };
      }),
    },
    { route: 'GET /v1/customers', request: { query: listQuery }, handle: (request) => list(customers, request, '/v1/customers') },
    {
      route: 'GET /v1/customers/:id',
      handle: ({ params }) => {
        const customer = customers.find((c) => c.id === params.id);
        return customer ? { body: customer } : missing('customer', params.id, 'id');
      },
    },
    {
      route: 'DELETE /v1/customers/:id',
      handle: ({ params }) => {
        const index = customers.findIndex((c) => c.id === params.id);
        if (index < 0) return missing('customer', params.id, 'id');
        customers.splice(index, 1);
        for (const s of subscriptions) if (s.customer === params.id && s.status !== 'canceled') s.status = 'canceled';
        return { body: { id: params.id, object: 'customer', deleted: true } };
      },
    },
    {
      route: 'POST /v1/subscriptions',
      request: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['customer', 'items'],
          properties: { customer: { type: 'string' }, items: { type: 'array', minItems: 1, maxItems: 20, items: { type: 'object', additionalProperties: false, required: ['price'], properties: { price: { type: 'string' } } } }, metadata: stringMap },
        },
      },
      handle: idempotent('POST /v1/subscriptions', ({ body }) => {
        const b = body as { customer: string; items: Array<{ price: string }> };
        if (!customers.some((c) => c.id === b.customer)) return missing('customer', b.customer, 'customer');
        const unknown = b.items.find((i) => !prices.has(i.price));
        if (unknown) return missing('price', unknown.price, 'items[0][price]');
        const subscription = {
          id: objectId('sub'),
          object: 'subscription',
          customer: b.customer,
          status: 'active',
          items: { object: 'list', data: b.items.map((i) => subscriptionItem(i.price)), has_more: false, url: '/v1/subscription_items' },
          created: Math.floor(Date.now() / 1000),
          livemode: false,
          metadata: {},
        };
        subscriptions.unshift(subscription);
        return { body: subscription };
      }),
    },
    { route: 'GET /v1/subscriptions', request: { query: listQuery }, handle: (request) => list(request.query.status === 'all' ? subscriptions : subscriptions.filter((s) => s.status !== 'canceled'), request, '/v1/subscriptions') },
    {
      route: 'GET /v1/subscriptions/:id',
      handle: ({ params }) => {
        const subscription = findSubscription(params.id);
        return subscription ? { body: subscription } : missing('subscription', params.id, 'id');
      },
    },
    {
      route: 'POST /v1/subscriptions/:id',
      request: {
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            items: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['id', 'price'], properties: { id: { type: 'string' }, price: { type: 'string' } } } },
            proration_behavior: { type: 'string', enum: ['always_invoice', 'create_prorations', 'none'] },
          },
        },
      },
      handle: idempotent('POST /v1/subscriptions/:id', ({ params, body }) => {
        const subscription = findSubscription(params.id);
        if (!subscription) return missing('subscription', params.id, 'id');
        if (subscription.status === 'canceled') return stripeError(400, 'invalid_request_error', 'A canceled subscription can only update its cancellation_details and metadata.');
        for (const change of (body as { items?: Array<{ id: string; price: string }> }).items ?? []) {
          const item = subscription.items.data.find((i: { id: string }) => i.id === change.id);
          if (!item) return missing('subscription item', change.id, 'items[0][id]');
          if (!prices.has(change.price)) return missing('price', change.price, 'items[0][price]');
          item.price = prices.get(change.price);
        }
        return { body: subscription };
      }),
    },
    {
      route: 'DELETE /v1/subscriptions/:id',
      handle: ({ params }) => {
        const subscription = findSubscription(params.id);
        if (!subscription) return missing('subscription', params.id, 'id');
        subscription.status = 'canceled';
        return { body: subscription };
      },
    },
    {
      route: 'POST /v1/invoices/create_preview',
      request: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['subscription'],
          properties: {
            customer: { type: 'string' },
            subscription: { type: 'string' },
            subscription_details: {
              type: 'object',
              additionalProperties: false,
              properties: {
                items: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['id', 'price'], properties: { id: { type: 'string' }, price: { type: 'string' } } } },
                proration_behavior: { type: 'string', enum: ['always_invoice', 'create_prorations', 'none'] },
              },
            },
          },
        },
      },
      handle: ({ body }) => {
        const b = body as { subscription: string; subscription_details?: { items?: Array<{ id: string; price: string }>; proration_behavior?: string } };
        const subscription = findSubscription(b.subscription);
        if (!subscription) return missing('subscription', b.subscription, 'subscription');
        const change = b.subscription_details?.items?.[0];
        const current = subscription.items.data[0].price as FakePrice;
        const next = change ? prices.get(change.price) : current;
        if (!next) return missing('price', change!.price, 'subscription_details[items][0][price]');
        // Half of the period is left, in this fake: the proration is half the difference of the prices.
        const proration = b.subscription_details?.proration_behavior === 'none' ? 0 : Math.round((next.unit_amount - current.unit_amount) / 2);
        const amountDue = Math.max(0, next.unit_amount + proration);
        return { body: { id: null, object: 'invoice', customer: subscription.customer, subscription: subscription.id, currency: next.currency, amount_due: amountDue, total: amountDue, subtotal: amountDue, lines: { object: 'list', data: [], has_more: false, url: '/v1/invoices/upcoming/lines' } } };
      },
    },
  ];

  const upstream = await startUpstreamFake({
    name: 'Stripe',
    routes,
    errorBody: (_status, message) => ({ error: { type: 'invalid_request_error', message } }),
    authenticate: (request) => (request.headers.authorization === `Bearer ${secretKey}` ? undefined : stripeError(401, 'invalid_request_error', 'Invalid API Key provided.')),
  });
  const { hostname, port } = new URL(upstream.url);
  return {
    url: upstream.url,
    host: hostname,
    port: Number(port),
    upstream,
    secretKey,
    webhookSecret,
    customers,
    subscriptions,
    failAfterHandling: (route) => void failAfter.add(route),
    declineNext: (route) => upstream.failNext(route, stripeError(402, 'card_error', 'Your card has insufficient funds.', { code: 'card_declined', decline_code: 'insufficient_funds' })),
    rateLimitNext: (route) => upstream.rateLimit(route, { body: { error: { type: 'invalid_request_error', code: 'rate_limit', message: 'Request rate limit exceeded. Learn more about rate limits here https://stripe.com/docs/rate-limits.' } } }),
    signedEvent: (type, object, signing = {}) => {
      const body = JSON.stringify({ id: objectId('evt'), object: 'event', api_version: '2026-10-28.endive', created: Math.floor(Date.now() / 1000), type, data: { object }, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null } });
      const timestamp = signing.timestamp ?? Math.floor(Date.now() / 1000);
      return { body, headers: { 'stripe-signature': `t=${timestamp},v1=${hmacSha256Hex(signing.secret ?? webhookSecret, `${timestamp}.${body}`)}` } };
    },
    close: () => upstream.close(),
  };
}
