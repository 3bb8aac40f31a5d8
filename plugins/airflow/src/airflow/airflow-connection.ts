import type { SecretsService } from '@portico/plugin-api';
import { instanceConfig, type AirflowConfig } from '../config/airflow-config';
import type { AirflowApi } from './airflow-api';
import { AirflowClient, type AirflowCredentials } from './airflow-client';

/** The Airflow API of one configured instance. */
export type AirflowConnection = (instance: string) => AirflowApi;

function envName(secret: string): string {
  return `PORTICO_SECRET_${secret.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

async function required(secrets: SecretsService, name: string, what: string, instance: string): Promise<string> {
  const value = await secrets.get(name);
  if (!value) throw new Error(`The ${what} for Airflow "${instance}" is missing: set the secret "${name}" (${envName(name)} or the config's secrets).`);
  return value;
}

/** One client per instance, kept for the JWT it caches; credentials are read from secrets when Airflow needs them. */
export function createAirflowConnection(config: AirflowConfig, secrets: SecretsService): AirflowConnection {
  const clients = new Map<string, AirflowApi>();
  return (instance) => {
    const existing = clients.get(instance);
    if (existing) return existing;
    const settings = instanceConfig(config, instance);
    const credentials = async (): Promise<AirflowCredentials> => {
      if (settings.auth === 'bearer') return { type: 'bearer', token: await required(secrets, settings.tokenSecret, 'API token', instance) };
      const username = await required(secrets, settings.usernameSecret, 'username', instance);
      const password = await required(secrets, settings.passwordSecret, 'password', instance);
      return { type: settings.auth, username, password };
    };
    const client = new AirflowClient({ instance, baseUrl: settings.baseUrl, apiVersion: settings.apiVersion, credentials, ...(settings.uiUrl ? { uiUrl: settings.uiUrl } : {}) });
    clients.set(instance, client);
    return client;
  };
}
