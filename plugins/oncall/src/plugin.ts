import { coreExtensionPoints, coreServices, definePlugin, type PorticoPlugin } from '@portico/plugin-api';
import { oncallActions } from './actions';
import { oncallConfigSchema, resolveOncallConfig } from './config/oncall-config';
import { linkComponentToService } from './ingestion/link-component-to-service';
import { onCallProvider, pagerDutyProvider } from './ingestion/pagerduty-provider';
import { oncallKinds } from './kinds';
import { createPagerDutyConnection, type PagerDutyConnection } from './pagerduty/pagerduty-connection';
import { webhookRoute } from './routes/webhook-route';
import { demoRunbookProvider } from './simulation/demo-runbook-provider';
import { SIMULATED_SERVICES, SimulatedPagerDuty } from './simulation/simulated-pagerduty';
import { oncallWidgets } from './widgets/oncall-widgets';

/**
 * On-call and incident response on PagerDuty, with runbooks that chain other plugins' actions.
 * @public
 */
export const oncallPlugin: PorticoPlugin = definePlugin({
  id: 'oncall',
  configSchema: oncallConfigSchema,
  deps: {
    kinds: coreExtensionPoints.kinds,
    actions: coreExtensionPoints.actions,
    widgets: coreExtensionPoints.widgets,
    providers: coreExtensionPoints.entityProviders,
    routes: coreExtensionPoints.httpRoutes,
    catalog: coreServices.catalog,
    actionRunner: coreServices.actionRunner,
    logger: coreServices.logger,
    config: coreServices.config,
    secrets: coreServices.secrets,
    lifecycle: coreServices.lifecycle,
  },
  init({ kinds, actions, widgets, providers, routes, catalog, actionRunner, logger, config: configService, secrets, lifecycle }) {
    const config = resolveOncallConfig(configService.get());
    let pagerduty: PagerDutyConnection = createPagerDutyConnection(config, secrets);
    if (config.simulated) {
      logger.warn('PagerDuty is SIMULATED in this portal (oncall.simulated: true): paging and the other actions change nothing real.');
      const simulated = new SimulatedPagerDuty();
      pagerduty = async () => simulated;
      if (config.services.length === 0) config.services = SIMULATED_SERVICES;
      // The demo guest has no email; PagerDuty records simulated writes as this user.
      for (const account of config.accounts) account.from ??= 'portal@example.com';
    }

    for (const kind of oncallKinds) kinds.addKind(kind);
    for (const action of oncallActions({ config, pagerduty, actionRunner, secrets })) actions.addAction(action);
    for (const widget of oncallWidgets) widgets.addWidget(widget);
    // A service's runbook marked runOnTrigger starts when one of its incidents is first seen triggered.
    actions.addAutomation({
      id: 'oncall.runbook-on-trigger',
      on: 'entity.created',
      kind: 'incident',
      condition: { all: [{ path: 'after.properties.status', operator: '=', value: 'triggered' }, { path: 'after.properties.autoRunbook', operator: 'isNotEmpty' }] },
      action: 'oncall.run-runbook',
      inputs: { runbook: '{{after.properties.autoRunbook}}' },
    });

    const deps = { config, pagerduty, catalog };
    providers.addProvider(pagerDutyProvider(deps));
    providers.addProvider(onCallProvider(deps));
    if (config.simulated) providers.addProvider(demoRunbookProvider(catalog));
    lifecycle.addShutdownHook(linkComponentToService({ config, catalog, logger }));
    routes.addRoute(webhookRoute({ config, secrets, catalog, logger }));
  },
});
