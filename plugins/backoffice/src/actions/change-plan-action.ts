import type { ActionDefinition } from '@portico/plugin-api';
import { formatAmount, PRORATION_BEHAVIORS, type ProrationBehavior } from '../billing/billing';
import { planIds, requireCustomer, requirePlan, writeCustomer, type BackofficeActionDeps } from './backoffice-action-deps';

export interface ChangePlanInputs {
  plan: string;
  proration: ProrationBehavior;
}

/** Moves the customer's subscription to the plan's price, with the proration chosen, and shows what the next invoice comes to. */
export function changePlanAction({ config, billing }: BackofficeActionDeps): ActionDefinition<ChangePlanInputs> {
  return {
    id: 'backoffice.change-plan',
    title: 'Upgrade or downgrade plan',
    description: "Change this customer's plan tier: its Stripe subscription moves to the new plan's price with the proration behaviour chosen.",
    icon: 'swap_vert',
    kind: 'customer',
    operation: 'day-2',
    permission: 'backoffice.customers.billing',
    secrets: [config.stripe.secretKeySecret],
    condition: { combinator: 'and', rules: [{ property: 'status', operator: '!=', value: 'pending_deletion' }] },
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['plan', 'proration'],
      properties: {
        plan: { type: 'string', title: 'New plan', enum: planIds(config) },
        proration: {
          type: 'string',
          title: 'Proration',
          description: 'create_prorations: credit and charge the difference on the next invoice; always_invoice: invoice the difference now; none: the new price from the next period.',
          enum: PRORATION_BEHAVIORS,
          default: 'create_prorations',
        },
      },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        const customer = requireCustomer(ctx);
        const plan = requirePlan(config, ctx.inputs.plan);
        const currentId = customer.relations.plan as string | undefined;
        if (currentId === plan.id) throw new Error(`${customer.title} is on ${plan.title} already.`);
        const subscriptionId = customer.properties.subscriptionId as string | undefined;
        if (!subscriptionId) throw new Error(`${customer.title} has no Stripe subscription (subscriptionId) to change; create one in Stripe or through "Create customer".`);
        const current = currentId ? config.plans.find((p) => p.id === currentId) : undefined;
        const subscription = await billing.getSubscription(subscriptionId);
        const price = plan.priceIds[0];
        const preview = await billing.previewPriceChange({ subscription, price, proration: ctx.inputs.proration });
        const direction = current ? (plan.tier > current.tier ? 'Upgrading' : plan.tier < current.tier ? 'Downgrading' : 'Moving') : 'Moving';
        ctx.logger.info(`${direction} ${customer.title} from ${current?.title ?? 'no plan'} to ${plan.title} (${ctx.inputs.proration}): the next invoice comes to ${formatAmount(preview)}`);
        ctx.setOutput('amountDue', formatAmount(preview));
        const changed = await billing.changePrice({ subscription, price, proration: ctx.inputs.proration }, `${ctx.runId}:change-plan`);
        await writeCustomer(ctx, customer, { status: changed.status, previousPlan: currentId, planChangedAt: new Date().toISOString() }, { plan: plan.id });
        ctx.logger.info(`${customer.title} is on ${plan.title} (subscription ${changed.id}, price ${changed.priceId})`);
      },
    },
  };
}
