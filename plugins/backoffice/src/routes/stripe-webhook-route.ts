import { UnauthorizedError, ServiceUnavailableError, type CatalogService, type HttpRoute, type LoggerService } from '@portico/plugin-api';
import { BillingError, type Billing } from '../billing/billing';
import { planForPrice, type BackofficeConfig } from '../config/backoffice-config';

/** What Stripe sends: an event. The Stripe-Signature, not the schema, decides who may send. */
const EVENT_BODY = {
  type: 'object',
  description: 'A Stripe event; customer.subscription.* events update the customer, others are ignored',
  properties: {
    id: { type: 'string', examples: ['evt_1NG8Du2eZvKYlo2CUI79vXWy'] },
    type: { type: 'string', examples: ['customer.subscription.updated'] },
    data: { type: 'object', properties: { object: { type: 'object', description: 'The subscription' } } },
  },
};

/**
 * `POST /api/v1/plugins/backoffice/webhooks/stripe`: Stripe's subscription events keep each
 * customer's plan and status current between syncs. Public (Stripe sends no token), so every
 * delivery must carry a `Stripe-Signature` made with the webhook secret.
 */
export function stripeWebhookRoute(deps: { config: BackofficeConfig; billing: Billing; catalog: CatalogService; logger: LoggerService }): HttpRoute {
  const { config, billing, catalog, logger } = deps;
  return {
    method: 'POST',
    path: '/webhooks/stripe',
    auth: 'public',
    summary: 'Stripe subscription webhook (checked with Stripe-Signature against the webhook secret)',
    body: EVENT_BODY,
    responses: {
      '200': {
        description: 'The customer\'s plan and status were updated',
        schema: { type: 'object', required: ['kind', 'id', 'status'], properties: { kind: { const: 'customer' }, id: { type: 'string' }, status: { type: 'string' }, plan: { type: ['string', 'null'] } } },
      },
      '202': { description: 'An event the plugin does not handle, or a customer it does not know', schema: { type: 'object', required: ['ignored'], properties: { ignored: { type: 'string' } } } },
      '503': { description: 'The webhook secret is not configured', contentType: 'application/problem+json' },
    },
    async handler(req) {
      let event;
      try {
        event = await billing.verifyWebhook(req.rawBody, req.headers['stripe-signature']);
      } catch (error) {
        if (error instanceof BillingError && error.kind === 'configuration') throw new ServiceUnavailableError(`Stripe webhooks are not accepted: ${error.message}`);
        throw new UnauthorizedError(error instanceof Error ? error.message : 'The Stripe-Signature does not match.');
      }
      const subscription = event.subscription;
      if (!subscription || !event.type.startsWith('customer.subscription.')) return { status: 202, body: { ignored: `event ${event.type} is not handled` } };
      const { items } = await catalog.query({ kind: 'customer', filter: { combinator: 'and', rules: [{ property: 'billingId', operator: '=', value: subscription.customer }] }, limit: 1 });
      const customer = items[0];
      if (!customer) return { status: 202, body: { ignored: `no customer has billing id ${subscription.customer}` } };
      if (customer.properties.status === 'pending_deletion') return { status: 202, body: { ignored: `${customer.id} is being deleted` } };
      const plan = planForPrice(config, subscription.priceId);
      const updated = await catalog.patch(
        { kind: 'customer', id: customer.id },
        { properties: { status: event.deleted ? 'canceled' : subscription.status, subscriptionId: subscription.id }, ...(plan ? { relations: { plan: plan.id } } : {}) },
        { actor: 'stripe-webhook' },
      );
      logger.info('Stripe subscription event recorded', { event: event.id, type: event.type, customer: customer.id });
      return { status: 200, body: { kind: updated.kind, id: updated.id, status: updated.properties.status, plan: updated.relations.plan ?? null } };
    },
  };
}
