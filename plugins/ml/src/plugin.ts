import { coreExtensionPoints, coreServices, definePlugin, type PorticoPlugin } from '@portico/plugin-api';
import { mlActions, mlAutomations } from './actions';
import type { MlConnections } from './actions/ml-action-deps';
import { mlConfigSchema, resolveMlConfig } from './config/ml-config';
import { mlflowProvider } from './ingestion/mlflow-provider';
import { servingProvider } from './ingestion/serving-provider';
import { createJupyterHubConnection } from './jupyterhub/jupyterhub-connection';
import { mlKinds } from './kinds';
import { createKubernetesConnection } from './kubernetes/kubernetes-connection';
import { createMlflowConnection } from './mlflow/mlflow-connection';
import { simulateMl } from './simulation/simulate-ml';
import { mlWidgets } from './widgets/ml-widgets';

/**
 * MLflow experiments and models, training Jobs, KServe endpoints with A/B traffic, and JupyterHub notebooks with a TTL.
 * @public
 */
export const mlPlugin: PorticoPlugin = definePlugin({
  id: 'ml',
  configSchema: mlConfigSchema,
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
    let config = resolveMlConfig(configService.get());
    let connections: MlConnections = {
      mlflow: createMlflowConnection(config, secrets),
      kubernetes: createKubernetesConnection(config, secrets),
      jupyterhub: createJupyterHubConnection(config, secrets),
    };
    if (config.simulated) {
      logger.warn('ML infrastructure is SIMULATED in this portal (ml.simulated: true): MLflow, Kubernetes and JupyterHub are in-process, and actions change nothing real.');
      ({ config, connections } = simulateMl(config));
    }

    for (const kind of mlKinds) kinds.addKind(kind);
    for (const action of mlActions({ config, ...connections, actionRunner })) actions.addAction(action);
    for (const automation of mlAutomations) actions.addAutomation(automation);
    for (const widget of mlWidgets) widgets.addWidget(widget);
    let modelsReadOnce: () => void = () => undefined;
    const modelsRead = new Promise<void>((resolve) => (modelsReadOnce = resolve));
    providers.addProvider(mlflowProvider({ config, mlflow: connections.mlflow, catalog, onPass: () => modelsReadOnce() }));
    providers.addProvider(servingProvider({ config, kubernetes: connections.kubernetes, catalog, modelsRead }));
  },
});
