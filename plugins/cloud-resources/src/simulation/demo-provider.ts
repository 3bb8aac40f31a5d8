import type { CatalogService, EntityInput, EntityProvider } from '@portico/plugin-api';
import type { CloudConfig } from '../config/cloud-config';
import type { KubernetesConnection } from '../kubernetes/kubernetes-connection';

const HOUR = 3600 * 1000;

/**
 * The demo's cloud resource and a developer environment that expires within a day, written once
 * (a restart keeps their timers). Providers run concurrently: until the example organisation's
 * team and service exist, it waits for its next round.
 */
export function demoProvider(deps: { config: CloudConfig; catalog: Pick<CatalogService, 'get'>; kubernetes: KubernetesConnection }): EntityProvider {
  return {
    id: 'cloud.demo',
    everyMs: 5000,
    async refresh(ctx) {
      const now = Date.now();
      const [team, service] = await Promise.all([deps.catalog.get({ kind: 'team', id: 'checkout-team' }), deps.catalog.get({ kind: 'component', id: 'cart-service' })]);
      if (!team || !service) {
        ctx.logger.info('The demo resources wait for the example organisation (checkout-team, cart-service) to be in the catalog');
        return;
      }
      const upsert: EntityInput[] = [];
      if (!(await deps.catalog.get({ kind: 'cloud-resource', id: 'cart-assets' }))) {
        upsert.push({
          kind: 'cloud-resource',
          id: 'cart-assets',
          title: 'cart-assets',
          description: 'Product images shown in the cart.',
          owner: 'checkout-team',
          properties: { type: 'bucket', provider: 'aws', region: 'eu-west-1', status: 'ready', workspace: 'portico-cart-assets', variables: { versioning: true, retention_days: 365 }, outputs: { endpoint: 's3://portico-cart-assets' }, endpoint: 's3://portico-cart-assets' },
          relations: { components: ['cart-service'] },
        });
      }
      if (!(await deps.catalog.get({ kind: 'dev-environment', id: 'alice-checkout' }))) {
        const cluster = deps.config.environments.cluster;
        await (await deps.kubernetes(cluster)).createNamespace('env-alice-checkout', { 'portico.io/environment': 'alice-checkout' });
        const expiresAt = now + 20 * HOUR;
        upsert.push({
          kind: 'dev-environment',
          id: 'alice-checkout',
          title: 'Environment alice-checkout',
          owner: 'checkout-team',
          properties: { requestedBy: 'alice', members: ['alice', 'bob'], services: ['cart-service'], cluster, namespace: 'env-alice-checkout', url: 'https://env-alice-checkout.dev.example.com', status: 'ready', createdAt: new Date(now - 4 * 24 * HOUR).toISOString(), expiresAt: new Date(expiresAt).toISOString(), remindAt: null, remindedAt: new Date(now).toISOString(), maxExpiresAt: new Date(now + 10 * 24 * HOUR).toISOString(), extensions: 0 },
          relations: { components: ['cart-service'] },
        });
      }
      if (upsert.length > 0) await ctx.apply({ upsert });
    },
  };
}
