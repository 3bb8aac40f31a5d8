import type { EntityProvider } from '@portico/plugin-api';

/** The demo's runbook for cart-service: acknowledge, revert production (after approval), resolve with a note. */
export function demoRunbookProvider(): EntityProvider {
  return {
    id: 'oncall.demo-runbook',
    async refresh(ctx) {
      await ctx.apply({
        upsert: [
          {
            kind: 'runbook',
            id: 'cart-latency',
            title: 'Cart latency above SLO',
            description: 'What the checkout team does first when cart-service is slow.',
            owner: 'checkout-team',
            properties: {
              runOnTrigger: false,
              steps: [
                { title: 'Acknowledge the incident', action: 'oncall.acknowledge', entity: 'incident:{{incident.id}}' },
                { title: 'Revert the last production deploy', action: 'cicd.revert', entity: 'component:{{service.id}}', inputs: { environment: 'production' }, requiresApproval: true },
                { title: 'Resolve with a note', action: 'oncall.resolve', entity: 'incident:{{incident.id}}', inputs: { note: 'Reverted by runbook {{runbook.id}}, started by {{actor}}.' } },
              ],
            },
            relations: { components: ['cart-service'] },
          },
        ],
      });
    },
  };
}
