import type { SecretsService } from '@portico/plugin-api';
import type { CloudConfig } from '../config/cloud-config';
import { secretMissing } from '../config/secret-missing';
import { GitHubRepositoryClient } from './github-repository-client';
import type { RepositoryApi } from './repository-api';

/** GitHub, built on each use (the token is read when needed). */
export type RepositoryConnection = () => Promise<RepositoryApi>;

export function createRepositoryConnection(config: CloudConfig, secrets: SecretsService): RepositoryConnection {
  return async () => {
    const token = await secrets.get(config.github.tokenSecret);
    if (!token) throw new Error(secretMissing('The GitHub token', config.github.tokenSecret));
    return new GitHubRepositoryClient({ baseUrl: config.github.baseUrl, token });
  };
}
