import type { CatalogService, EntityProvider } from '@portico/plugin-api';

const WAIT_STEP_MS = 250;
const WAIT_MAX_MS = 30_000;

/** The demo's runbook for cart-service: acknowledge, revert production (after approval), resolve with a note. */
export function demoRunbookProvider(catalog: Pick<CatalogService, 'get'>): EntityProvider {
  return {
    id: 'oncall.demo-runbook',
    async refresh(ctx) {
      // The sample organisation's provider runs beside this one: wait for the service and team it names.
      for (let waited = 0; waited < WAIT_MAX_MS && !ctx.signal.aborted; waited += WAIT_STEP_MS) {
        if ((await catalog.get({ kind: 'component', id: 'cart-service' })) && (await catalog.get({ kind: 'team', id: 'checkout-team' }))) break;
        await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
      }
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
