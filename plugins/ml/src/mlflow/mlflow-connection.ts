import type { SecretsService } from '@portico/plugin-api';
import type { MlConfig } from '../config/ml-config';
import { secretMissing } from '../config/secret-missing';
import type { MlflowApi } from './mlflow-api';
import { MlflowClient, type MlflowCredentials } from './mlflow-client';

/** The configured MLflow, or a clear failure when the config has none. */
export type MlflowConnection = () => MlflowApi;

async function required(secrets: SecretsService, name: string, what: string): Promise<string> {
  const value = await secrets.get(name);
  if (!value) throw new Error(secretMissing(`The MLflow ${what}`, name));
  return value;
}

export function createMlflowConnection(config: MlConfig, secrets: SecretsService): MlflowConnection {
  const settings = config.mlflow;
  if (!settings) {
    return () => {
      throw new Error('No MLflow is configured for the ML plugin: set ml.mlflow.baseUrl in the portal config.');
    };
  }
  const credentials = async (): Promise<MlflowCredentials> => {
    if (settings.auth === 'bearer') return { type: 'bearer', token: await required(secrets, settings.tokenSecret, 'token') };
    if (settings.auth === 'basic') return { type: 'basic', username: await required(secrets, settings.usernameSecret, 'username'), password: await required(secrets, settings.passwordSecret, 'password') };
    return { type: 'none' };
  };
  const client = new MlflowClient({ baseUrl: settings.baseUrl, ...(settings.uiUrl ? { uiUrl: settings.uiUrl } : {}), credentials });
  return () => client;
}
