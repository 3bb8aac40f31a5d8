import type { SecretsService } from '@portico/plugin-api';
import type { CicdConfig } from '../config/cicd-config';
import { GitHubClient } from './github-client';

/** Builds a client per use, so a rotated token secret takes effect without a restart. */
export type GitHubConnection = (secrets: Pick<SecretsService, 'get'>) => Promise<GitHubClient>;

export function createGitHubConnection(config: CicdConfig, fetchFn?: typeof fetch): GitHubConnection {
  return async (secrets) => {
    const token = await secrets.get(config.github.tokenSecret);
    if (!token) {
      const envName = `PORTICO_SECRET_${config.github.tokenSecret.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
      throw new Error(`The GitHub token is not set: define the secret "${config.github.tokenSecret}" (for example with the ${envName} environment variable).`);
    }
    return new GitHubClient({ baseUrl: config.github.baseUrl, token, fetch: fetchFn });
  };
}
