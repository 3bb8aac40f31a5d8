import type { EntityInput, EntityProvider } from '@portico/plugin-api';
import type { SampleCustomer } from '../simulation/sample-customers';

/** Demos: the sample customers with their tenants' version and configuration, and a tenant deployment each. */
export function sampleCustomersProvider(samples: SampleCustomer[], plans: EntityInput[], ids: { billingIdOf(id: string): string; subscriptionIdOf(id: string): string }): EntityProvider {
  return {
    id: 'backoffice.sample-customers',
    async refresh(ctx) {
      await ctx.apply({
        // Plans first, in the same batch: the customers point at them, and providers run concurrently.
        upsert: [
          ...plans,
          ...samples.map((s) => ({
            kind: 'customer',
            id: s.id,
            title: s.name,
            properties: { status: 'active', region: s.region, softwareVersion: s.version, configuration: s.configuration, billingId: ids.billingIdOf(s.id), subscriptionId: ids.subscriptionIdOf(s.id), email: s.email, accountOwner: s.accountOwner },
            relations: { plan: s.plan },
          })),
          ...samples.map((s) => ({ kind: 'tenant-deployment', id: `${s.id}.production`, title: `${s.name} (production)`, properties: { version: s.version }, relations: { customer: s.id } })),
        ],
      });
    },
  };
}
