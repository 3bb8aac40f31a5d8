import type { AirflowConnection } from '../airflow/airflow-connection';
import type { AirflowConfig } from '../config/airflow-config';
import type { PostgresConnection } from '../postgres/postgres-connection';
import { createEmbeddedDatabase } from './embedded-database';
import { SimulatedAirflow } from './simulated-airflow';

export const DEMO_DATABASE = 'demo';

/**
 * The demo's stand-ins: one simulated Airflow for every configured instance (a `default` one
 * when none is), and the embedded sample database in place of every configured database.
 */
export function simulateAirflow(config: AirflowConfig): { airflow: AirflowConnection; postgres: PostgresConnection } {
  if (config.instances.length === 0) config.instances.push({ id: 'default', baseUrl: 'https://airflow.example.com', apiVersion: 'v2', auth: 'jwt', usernameSecret: 'airflow-username', passwordSecret: 'airflow-password', tokenSecret: 'airflow-token' });
  config.databases = [{ id: DEMO_DATABASE, title: 'Demo warehouse (embedded sample)', connectionSecret: 'airflow-demo-database-url', owner: 'checkout-team' }];
  if (!config.dags.some((d) => d.dagId === 'orders_daily_load')) {
    config.dags.push({
      dagId: 'orders_daily_load',
      confSchema: {
        type: 'object',
        additionalProperties: false,
        properties: {
          date: { type: 'string', title: 'Day to load', format: 'date' },
          fullRefresh: { type: 'boolean', title: 'Reload every order', default: false },
        },
      },
    });
  }
  const simulated = new SimulatedAirflow();
  return { airflow: () => simulated, postgres: createEmbeddedDatabase(DEMO_DATABASE) };
}
