import type { SecretsService } from '@portico/plugin-api';
import type { MlConfig } from '../config/ml-config';
import { secretMissing } from '../config/secret-missing';
import type { JupyterHubApi } from './jupyterhub-api';
import { JupyterHubClient } from './jupyterhub-client';

/** The configured hub, or a clear failure when the config has none. */
export type JupyterHubConnection = () => JupyterHubApi;

export function createJupyterHubConnection(config: MlConfig, secrets: SecretsService): JupyterHubConnection {
  const hub = config.jupyterhub;
  if (!hub) {
    return () => {
      throw new Error('No JupyterHub is configured for the ML plugin: set ml.jupyterhub.baseUrl in the portal config.');
    };
  }
  const client = new JupyterHubClient({
    baseUrl: hub.baseUrl,
    token: async () => {
      const token = await secrets.get(hub.tokenSecret);
      if (!token) throw new Error(secretMissing('The JupyterHub API token', hub.tokenSecret));
      return token;
    },
  });
  return () => client;
}
