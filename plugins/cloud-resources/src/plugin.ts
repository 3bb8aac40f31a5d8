import { coreExtensionPoints, coreServices, definePlugin, type PorticoPlugin } from '@portico/plugin-api';
import { cloudActions, cloudAutomations } from './actions';
import { createAutoScalingConnection, type AutoScalingConnection } from './aws/auto-scaling-connection';
import { cloudConfigSchema, resolveCloudConfig } from './config/cloud-config';
import { autoScalingProvider } from './ingestion/auto-scaling-provider';
import { kubernetesProvider } from './ingestion/kubernetes-provider';
import { createRepositoryConnection, type RepositoryConnection } from './github/repository-connection';
import { cloudKinds } from './kinds';
import { cloudWidgets } from './widgets/cloud-widgets';
import { clusterConfig, createKubernetesConnection, type KubernetesConnection } from './kubernetes/kubernetes-connection';
import { demoProvider } from './simulation/demo-provider';
import { SimulatedAutoScaling } from './simulation/simulated-auto-scaling';
import { applySimulatedDefaults } from './simulation/simulated-config';
import { SimulatedKubernetes } from './simulation/simulated-kubernetes';
import { SimulatedRepositories } from './simulation/simulated-repositories';
import { SimulatedTerraform } from './simulation/simulated-terraform';
import { createTerraformConnection, type TerraformConnection } from './terraform/terraform-connection';

/** Cloud resources through Terraform, Kubernetes workloads, auto-scaling groups, access grants and developer environments. */
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
    let kubernetes: KubernetesConnection = createKubernetesConnection(config, secrets);
    let autoScaling: AutoScalingConnection = createAutoScalingConnection(config, secrets);
    let terraform: TerraformConnection = createTerraformConnection(config, secrets);
    let repositories: RepositoryConnection = createRepositoryConnection(config, secrets);
    if (config.simulated) {
      logger.warn('Cloud infrastructure is SIMULATED in this portal (cloud.simulated: true): Kubernetes, AWS and Terraform are in-process, and actions change nothing real.');
      applySimulatedDefaults(config);
      const clusters = new Map(config.clusters.map((c) => [c.id, new SimulatedKubernetes(c.id)]));
      const groups = new SimulatedAutoScaling();
      const tf = new SimulatedTerraform();
      kubernetes = async (cluster) => clusters.get(clusterConfig(config, cluster).id)!;
      autoScaling = async () => groups;
      terraform = async () => tf;
      const github = new SimulatedRepositories();
      repositories = async () => github;
    }

    for (const kind of cloudKinds) kinds.addKind(kind);
    for (const action of cloudActions({ config, kubernetes, autoScaling, terraform, repositories, actionRunner, secrets })) actions.addAction(action);
    for (const automation of cloudAutomations) actions.addAutomation(automation);
    for (const widget of cloudWidgets) widgets.addWidget(widget);
    providers.addProvider(kubernetesProvider({ config, kubernetes, catalog }));
    providers.addProvider(autoScalingProvider({ config, autoScaling, catalog }));
    if (config.simulated) providers.addProvider(demoProvider({ config, catalog, kubernetes }));
  },
});
