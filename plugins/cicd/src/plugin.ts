import { coreExtensionPoints, coreServices, definePlugin, type PorticoPlugin } from '@portico/plugin-api';
import { cicdActions } from './actions';
import { cicdConfigSchema, resolveCicdConfig } from './config/cicd-config';
import { createGitHubConnection } from './github/github-connection';
import { createSimulatedGitHub, SIMULATED_REPOSITORIES } from './simulation/simulated-github';
import { linkIngestedToComponent } from './ingestion/link-ingested-to-component';
import { cicdKinds } from './kinds';
import { environmentsProvider } from './providers/environments-provider';
import { githubActionsProvider } from './providers/github-actions-provider';
import { sampleDeploymentsProvider } from './providers/sample-deployments-provider';
import { deploymentPushRoute } from './routes/deployment-push-route';
import { deploymentsMatrixRoute } from './routes/deployments-matrix-route';
import { workflowRunWebhookRoute } from './routes/workflow-run-webhook-route';
import { cicdWidgets } from './widgets/cicd-widgets';

/**
 * CI/CD on GitHub Actions: pipelines, builds, deployments and the microservice life cycle.
 * @public
 */
export const cicdPlugin: PorticoPlugin = definePlugin({
  id: 'cicd',
  configSchema: cicdConfigSchema,
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
    lifecycle: coreServices.lifecycle,
  },
  init({ kinds, actions, widgets, providers, routes, catalog, logger, config: configService, secrets, lifecycle }) {
    const config = resolveCicdConfig(configService.get());
    let github = createGitHubConnection(config);
    if (config.github.simulated) {
      logger.warn('GitHub is SIMULATED in this portal (github.simulated: true): deploys and other actions change nothing real.');
      const simulated = createSimulatedGitHub(config);
      github = simulated.connection;
      lifecycle.addShutdownHook(() => simulated.stop());
      if (config.repositories.length === 0) config.repositories = SIMULATED_REPOSITORIES;
      if (!config.scaffold.templateRepository) config.scaffold = { ...config.scaffold, templateRepository: 'example-org/service-template', owner: 'example-org' };
      config.deploy.pollIntervalMs = Math.min(config.deploy.pollIntervalMs, 1000);
    }

    for (const kind of cicdKinds) kinds.addKind(kind);
    for (const action of cicdActions({ config, github })) actions.addAction(action);
    for (const widget of cicdWidgets) widgets.addWidget(widget);

    providers.addProvider(environmentsProvider(config));
    if (config.repositories.length > 0) {
      providers.addProvider(githubActionsProvider({ config, github, secrets, catalog }));
      const unsubscribe = linkIngestedToComponent({ config, catalog, logger });
      lifecycle.addShutdownHook(unsubscribe);
    }
    if (config.sampleData) providers.addProvider(sampleDeploymentsProvider({ config, catalog }));

    routes.addRoute(deploymentPushRoute({ catalog }));
    routes.addRoute(deploymentsMatrixRoute({ catalog }));
    routes.addRoute(workflowRunWebhookRoute({ config, secrets, catalog, logger }));
  },
});
