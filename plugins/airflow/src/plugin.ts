import { coreExtensionPoints, coreServices, definePlugin, type PorticoPlugin } from '@portico/plugin-api';
import { airflowActions } from './actions';
import { createAirflowConnection, type AirflowConnection } from './airflow/airflow-connection';
import { airflowConfigSchema, resolveAirflowConfig } from './config/airflow-config';
import { airflowProvider } from './ingestion/airflow-provider';
import { tablesProvider } from './ingestion/tables-provider';
import { airflowKinds } from './kinds';
import { createPostgresConnection, type PostgresConnection } from './postgres/postgres-connection';
import { simulateAirflow } from './simulation/simulate-airflow';
import { airflowWidgets } from './widgets/airflow-widgets';

/**
 * Airflow DAGs and runs, PostgreSQL tables, and the data engineering actions on both.
 * @public
 */
export const airflowPlugin: PorticoPlugin = definePlugin({
  id: 'airflow',
  configSchema: airflowConfigSchema,
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
    lifecycle: coreServices.lifecycle,
  },
  init({ kinds, actions, widgets, providers, catalog, actionRunner, logger, config: configService, secrets, lifecycle }) {
    const config = resolveAirflowConfig(configService.get());
    let airflow: AirflowConnection = createAirflowConnection(config, secrets);
    let postgres: PostgresConnection;
    if (config.simulated) {
      logger.warn('Airflow is SIMULATED in this portal (airflow.simulated: true): DAG runs are played in memory and table changes run on an embedded sample database only.');
      ({ airflow, postgres } = simulateAirflow(config));
    } else {
      postgres = createPostgresConnection(config, secrets);
    }
    lifecycle.addShutdownHook(() => postgres.close());

    for (const kind of airflowKinds) kinds.addKind(kind);
    for (const action of airflowActions({ config, airflow, postgres, actionRunner })) actions.addAction(action);
    for (const widget of airflowWidgets) widgets.addWidget(widget);
    let tablesReadOnce: () => void = () => undefined;
    const tablesRead = new Promise<void>((resolve) => (tablesReadOnce = resolve));
    providers.addProvider(tablesProvider({ config, postgres, catalog, onPass: () => tablesReadOnce() }));
    const databases = () => Promise.all(config.databases.map(async (d) => ({ id: d.id, ...(await postgres.describe(d.id)) })));
    providers.addProvider(airflowProvider({ config, airflow, catalog, tablesRead, databases }));
  },
});
