import { cicdPlugin } from './plugin';

export { cicdPlugin as plugin, cicdPlugin };
export { cicdKinds, environmentKind, pipelineKind, buildKind, deploymentKind, deploymentLockKind } from './kinds';
export { cicdConfigSchema, resolveCicdConfig, type CicdConfig, type EnvironmentConfig, type RepositoryConfig } from './config/cicd-config';
export { GitHubClient, type GitHubClientOptions } from './github/github-client';
export { GitHubApiError } from './github/github-api-error';
export type { DeploymentsMatrix, MatrixCell } from './deployments/deployments-matrix';
export default cicdPlugin;
