import { coreExtensionPoints, coreServices, definePlugin, type PorticoPlugin } from '@portico/plugin-api';
import { backofficeActions, gracePeriodAutomation } from './actions';
import { backofficeConfigSchema, resolveBackofficeConfig } from './config/backoffice-config';
import { backofficeKinds } from './kinds';
import { planEntities } from './providers/plan-entities';
import { sampleCustomersProvider } from './providers/sample-customers-provider';
import { stripeCustomersProvider } from './providers/stripe-customers-provider';
import { stripeWebhookRoute } from './routes/stripe-webhook-route';
import { SAMPLE_CUSTOMERS, SAMPLE_VERSIONS } from './simulation/sample-customers';
import { createSimulatedBilling } from './simulation/simulated-billing';
import { createSimulatedTenants } from './simulation/simulated-tenants';
import { createStripeBilling } from './stripe/stripe-billing';
import { TenantAdminClient } from './tenant/tenant-admin-client';
import { backofficeWidgets } from './widgets/backoffice-widgets';

/**
 * Backoffice self-service: customers, their configuration, software version and plan tier.
 * @public
 */
export const backofficePlugin: PorticoPlugin = definePlugin({
  id: 'backoffice',
  configSchema: backofficeConfigSchema,
  deps: {
    kinds: coreExtensionPoints.kinds,
    actions: coreExtensionPoints.actions,
    widgets: coreExtensionPoints.widgets,
    providers: coreExtensionPoints.entityProviders,
    routes: coreExtensionPoints.httpRoutes,
    catalog: coreServices.catalog,
    logger: coreServices.logger,
    config: coreServices.config,
    secrets: coreServices.secrets,
  },
  init({ kinds, actions, widgets, providers, routes, catalog, logger, config: configService, secrets }) {
    const config = resolveBackofficeConfig(configService.get());
    for (const kind of backofficeKinds) kinds.addKind(kind);

    if (config.simulated) {
      logger.warn('Stripe and the tenant service are SIMULATED in this portal (backoffice.simulated: true): customers and billing changes are not real.');
      const simulated = createSimulatedBilling(config, SAMPLE_CUSTOMERS);
      const tenants = createSimulatedTenants(SAMPLE_CUSTOMERS, SAMPLE_VERSIONS);
      for (const action of backofficeActions({ config, billing: simulated.billing, tenants })) actions.addAction(action);
      providers.addProvider(sampleCustomersProvider(SAMPLE_CUSTOMERS, planEntities(config), simulated));
      routes.addRoute(stripeWebhookRoute({ config, billing: simulated.billing, catalog, logger }));
    } else {
      const billing = createStripeBilling({
        ...config.stripe,
        secretKey: () => secrets.get(config.stripe.secretKeySecret),
        webhookSecret: () => secrets.get(config.stripe.webhookSecret),
      });
      const tenants = new TenantAdminClient({ baseUrl: config.tenantApi.baseUrl, token: () => secrets.get(config.tenantApi.tokenSecret) });
      for (const action of backofficeActions({ config, billing, tenants })) actions.addAction(action);
      providers.addProvider(stripeCustomersProvider({ config, billing, catalog }));
      routes.addRoute(stripeWebhookRoute({ config, billing, catalog, logger }));
    }
    actions.addAutomation(gracePeriodAutomation);
    for (const widget of backofficeWidgets) widgets.addWidget(widget);
  },
});
