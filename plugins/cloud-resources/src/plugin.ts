import { coreExtensionPoints, coreServices, definePlugin, type PorticoPlugin } from '@portico/plugin-api';
import { cloudActions, cloudAutomations } from './actions';
import { createAutoScalingConnection } from './aws/auto-scaling-connection';
import { cloudConfigSchema, resolveCloudConfig } from './config/cloud-config';
import { createRepositoryConnection } from './github/repository-connection';
import { autoScalingProvider } from './ingestion/auto-scaling-provider';
import { kubernetesProvider } from './ingestion/kubernetes-provider';
import { cloudKinds } from './kinds';
import { createKubernetesConnection } from './kubernetes/kubernetes-connection';
import { demoProvider } from './simulation/demo-provider';
import { applySimulatedDefaults } from './simulation/simulated-config';
import { simulatedConnections, type CloudConnections } from './simulation/simulated-connections';
import { createTerraformConnection } from './terraform/terraform-connection';
import { cloudWidgets } from './widgets/cloud-widgets';

/**
 * Cloud resources through Terraform, Kubernetes workloads, auto-scaling groups, access grants and developer environments.
 * @public
 */
export const cloudPlugin: PorticoPlugin = definePlugin({
  id: 'cloud',
  configSchema: cloudConfigSchema,
  deps: {
    kinds: coreExtensionPoints.kinds,
    actions: coreExtensionPoints.actions,
    widgets: coreExtensionPoints.widgets,
    providers: coreExtensionPoints.entityProviders,
    catalog: coreServices.catalog,
    actionRunner: coreServices.actionRunner,
    logger: coreServices.logger,
    config: coreServices.config,
    secrets: coreServices.secrets,
  },
  init({ kinds, actions, widgets, providers, catalog, actionRunner, logger, config: configService, secrets }) {
    const config = resolveCloudConfig(configService.get());
    let connections: CloudConnections = {
      kubernetes: createKubernetesConnection(config, secrets),
      autoScaling: createAutoScalingConnection(config, secrets),
      terraform: createTerraformConnection(config, secrets),
      repositories: createRepositoryConnection(config, secrets),
    };
    if (config.simulated) {
      logger.warn('Cloud infrastructure is SIMULATED in this portal (cloud.simulated: true): Kubernetes, AWS, Terraform and GitHub are in-process, and actions change nothing real.');
      applySimulatedDefaults(config);
      connections = simulatedConnections(config);
    }
    const { kubernetes, autoScaling } = connections;

    for (const kind of cloudKinds) kinds.addKind(kind);
    for (const action of cloudActions({ config, ...connections, actionRunner, secrets })) actions.addAction(action);
    for (const automation of cloudAutomations) actions.addAutomation(automation);
    for (const widget of cloudWidgets) widgets.addWidget(widget);
    providers.addProvider(kubernetesProvider({ config, kubernetes, catalog }));
    providers.addProvider(autoScalingProvider({ config, autoScaling, catalog }));
    if (config.simulated) providers.addProvider(demoProvider({ config, catalog, kubernetes }));
  },
});
