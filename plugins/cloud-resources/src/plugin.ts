import { coreExtensionPoints, coreServices, definePlugin, type PorticoPlugin } from '@portico/plugin-api';
import { cloudActions, cloudAutomations } from './actions';
import { createAutoScalingConnection } from './aws/auto-scaling-connection';
import { cloudConfigSchema, resolveCloudConfig } from './config/cloud-config';
import { autoScalingProvider } from './ingestion/auto-scaling-provider';
import { kubernetesProvider } from './ingestion/kubernetes-provider';
import { cloudKinds } from './kinds';
import { cloudWidgets } from './widgets/cloud-widgets';
import { createKubernetesConnection } from './kubernetes/kubernetes-connection';
import { createTerraformConnection } from './terraform/terraform-connection';

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
  init({ kinds, actions, widgets, providers, catalog, actionRunner, config: configService, secrets }) {
    const config = resolveCloudConfig(configService.get());
    const kubernetes = createKubernetesConnection(config, secrets);
    const autoScaling = createAutoScalingConnection(config, secrets);
    const terraform = createTerraformConnection(config, secrets);

    for (const kind of cloudKinds) kinds.addKind(kind);
    for (const action of cloudActions({ config, kubernetes, autoScaling, terraform, actionRunner, secrets })) actions.addAction(action);
    for (const automation of cloudAutomations) actions.addAutomation(automation);
    for (const widget of cloudWidgets) widgets.addWidget(widget);
    providers.addProvider(kubernetesProvider({ config, kubernetes, catalog }));
    providers.addProvider(autoScalingProvider({ config, autoScaling, catalog }));
  },
});
