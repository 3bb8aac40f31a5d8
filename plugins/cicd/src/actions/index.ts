import type { ActionDefinition } from '@portico/plugin-api';
import { addEnvVariableAction } from './add-env-variable-action';
import { addSecretAction } from './add-secret-action';
import type { CicdActionDeps } from './cicd-action-deps';
import { deployAction } from './deploy-action';
import { forceMergePrAction } from './force-merge-pr-action';
import { lockDeploymentsAction, unlockDeploymentsAction } from './lock-deployments-action';
import { revertAction } from './revert-action';
import { scaffoldServiceAction } from './scaffold-service-action';
import { toggleFeatureFlagAction } from './toggle-feature-flag-action';
import { upgradePackageAction } from './upgrade-package-action';

export type { CicdActionDeps } from './cicd-action-deps';

/** Every action of the plugin, in the order the UI lists them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function cicdActions(deps: CicdActionDeps): ActionDefinition<any>[] {
  return [
    scaffoldServiceAction(deps),
    deployAction(deps),
    revertAction(deps),
    lockDeploymentsAction(deps),
    unlockDeploymentsAction(deps),
    toggleFeatureFlagAction(deps),
    addSecretAction(deps),
    addEnvVariableAction(deps),
    forceMergePrAction(deps),
    upgradePackageAction(deps),
  ];
}
