import type { KindDefinition } from '@portico/plugin-api';
import { buildKind } from './build-kind';
import { deploymentKind } from './deployment-kind';
import { deploymentLockKind } from './deployment-lock-kind';
import { environmentKind } from './environment-kind';
import { pipelineKind } from './pipeline-kind';

export { buildKind, deploymentKind, deploymentLockKind, environmentKind, pipelineKind };

/**
 * In registration order: relation targets first.
 * @public
 */
export const cicdKinds: KindDefinition[] = [environmentKind, pipelineKind, buildKind, deploymentKind, deploymentLockKind];
