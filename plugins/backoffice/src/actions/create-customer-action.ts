import type { ActionDefinition } from '@portico/plugin-api';
import { CUSTOMER_ID_PATTERN, messageOf, planIds, requirePlan, type BackofficeActionDeps } from './backoffice-action-deps';

export interface CreateCustomerInputs {
  id: string;
  name: string;
  email: string;
  plan: string;
  region: string;
  accountOwner?: string;
  configuration: Record<string, unknown>;
}

interface Step {
  what: string;
  undo(): Promise<void>;
}

/**
 * Creates the billing customer and subscription, the tenant and the catalog entity, all or
 * nothing: when a step fails, the steps that succeeded are undone in reverse order, and the
 * failed run lists anything that could not be undone.
 */
export function createCustomerAction({ config, billing, tenants }: BackofficeActionDeps): ActionDefinition<CreateCustomerInputs> {
  return {
    id: 'backoffice.create-customer',
    title: 'Create customer',
    description: 'Create a customer: its Stripe customer and subscription, its tenant and its catalog entry, all or nothing.',
    icon: 'person_add',
    operation: 'create',
    permission: 'backoffice.customers.create',
    secrets: [config.stripe.secretKeySecret, config.tenantApi.tokenSecret],
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'name', 'email', 'plan', 'region', 'configuration'],
      properties: {
        id: { type: 'string', title: 'Customer id', description: 'Lower-case letters, digits and dashes; also the tenant id.', pattern: CUSTOMER_ID_PATTERN },
        name: { type: 'string', title: 'Name', minLength: 1, maxLength: 200 },
        email: { type: 'string', title: 'Billing email', format: 'email' },
        plan: { type: 'string', title: 'Plan', enum: planIds(config) },
        region: { type: 'string', title: 'Region', enum: config.regions },
        accountOwner: { type: 'string', title: 'Account owner', format: 'user' },
        configuration: { ...config.configurationSchema, title: 'Configuration' },
      },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        const { id, name, email, region, configuration } = ctx.inputs;
        const plan = requirePlan(config, ctx.inputs.plan);
        if (await ctx.catalog.get({ kind: 'customer', id })) throw new Error(`A customer "${id}" exists already; pick another id.`);
        const done: Step[] = [];
        try {
          const customer = await billing.createCustomer({ name, email, metadata: { portico_customer_id: id } }, `${ctx.runId}:customer`);
          done.push({ what: `Stripe customer ${customer.id}`, undo: () => billing.deleteCustomer(customer.id) });
          ctx.logger.info(`Created Stripe customer ${customer.id}`);
          const subscription = await billing.createSubscription({ customer: customer.id, price: plan.priceIds[0] }, `${ctx.runId}:subscription`);
          done.push({ what: `Stripe subscription ${subscription.id}`, undo: () => billing.cancelSubscription(subscription.id) });
          ctx.logger.info(`Subscribed ${customer.id} to ${plan.title} (${plan.priceIds[0]}): ${subscription.status}`);
          const tenant = await tenants.createTenant({ id, name, region, plan: plan.id, configuration });
          done.push({ what: `tenant ${tenant.id}`, undo: () => tenants.deleteTenant(tenant.id) });
          ctx.logger.info(`Created tenant ${tenant.id} in ${tenant.region} on version ${tenant.version}`);
          await ctx.catalog.upsert({
            kind: 'customer',
            id,
            title: name,
            properties: {
              status: subscription.status,
              region,
              softwareVersion: tenant.version,
              configuration,
              billingId: customer.id,
              subscriptionId: subscription.id,
              email,
              ...(ctx.inputs.accountOwner ? { accountOwner: ctx.inputs.accountOwner } : {}),
            },
            relations: { plan: plan.id },
          });
          ctx.setOutput('billingId', customer.id);
          ctx.setOutput('subscriptionId', subscription.id);
          ctx.logger.info(`Customer ${id} is ready`);
        } catch (error) {
          ctx.logger.error(`Creating customer ${id} failed: ${messageOf(error)}. Undoing what was done.`);
          const undone: string[] = [];
          const left: string[] = [];
          for (const step of done.reverse()) {
            try {
              await step.undo();
              undone.push(step.what);
              ctx.logger.info(`Undone: ${step.what}`);
            } catch (undoError) {
              left.push(`${step.what} (${messageOf(undoError)})`);
              ctx.logger.error(`Could not undo ${step.what}: ${messageOf(undoError)}`);
            }
          }
          ctx.setOutput('undone', undone);
          ctx.setOutput('leftovers', left);
          throw new Error(
            `${messageOf(error)} ${left.length === 0 ? (done.length ? 'Everything created before that was undone.' : 'Nothing had been created.') : `These could not be undone and must be removed by hand: ${left.join('; ')}.`}`,
          );
        }
      },
    },
  };
}
