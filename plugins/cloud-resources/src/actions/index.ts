import type { ActionDefinition, AutomationDefinition } from '@portico/plugin-api';
import type { RepositoryConnection } from '../github/repository-connection';
import { addIacAction } from './add-iac-action';
import type { CloudActionDeps } from './cloud-action-deps';
import { destroyResourceAction, destroyResourceApprovedAction } from './destroy-resource-action';
import { extendEnvironmentAction } from './extend-environment-action';
import { grantAccessAction } from './grant-access-action';
import { inviteDeveloperAction } from './invite-developer-action';
import { loadMockDataAction } from './load-mock-data-action';
import { modifyResourceAction } from './modify-resource-action';
import { provisionResourceAction } from './provision-resource-action';
import { remindEnvironmentAction } from './remind-environment-action';
import { requestAccessAction } from './request-access-action';
import { restartRolloutAction } from './restart-rollout-action';
import { revokeAccessAction } from './revoke-access-action';
import { scaleWorkloadAction } from './scale-workload-action';
import { spinUpEnvironmentAction } from './spin-up-environment-action';
import { teardownEnvironmentAction } from './teardown-environment-action';
import { updateAutoScalingGroupAction } from './update-auto-scaling-group-action';

/** Every action of the plugin, in the order the UI lists them (typed `never`: each has its own inputs). */
export function cloudActions(deps: CloudActionDeps & { repositories: RepositoryConnection }): ActionDefinition<never>[] {
  return [
    provisionResourceAction(deps),
    modifyResourceAction(deps),
    destroyResourceAction(deps),
    destroyResourceApprovedAction(deps),
    requestAccessAction(deps),
    grantAccessAction(deps),
    revokeAccessAction(deps),
    scaleWorkloadAction(deps),
    restartRolloutAction(deps),
    updateAutoScalingGroupAction(deps),
    spinUpEnvironmentAction(deps),
    extendEnvironmentAction(deps),
    inviteDeveloperAction(deps),
    loadMockDataAction(deps),
    teardownEnvironmentAction(deps),
    remindEnvironmentAction(deps),
    addIacAction(deps),
  ] as ActionDefinition<never>[];
}

/** Timers at work: grants revoke themselves, environments remind and then tear themselves down, each once. */
export const cloudAutomations: AutomationDefinition[] = [
  { id: 'cloud.revoke-expired-access', on: 'timer.expired', kind: 'access-grant', condition: { path: 'timer.property', operator: '=', value: 'expiresAt' }, action: 'cloud.revoke-access', inputs: { reason: 'expired' } },
  { id: 'cloud.teardown-expired-environment', on: 'timer.expired', kind: 'dev-environment', condition: { path: 'timer.property', operator: '=', value: 'expiresAt' }, action: 'cloud.teardown-environment', inputs: { reason: 'its time was up' } },
  { id: 'cloud.remind-expiring-environment', on: 'timer.expired', kind: 'dev-environment', condition: { path: 'timer.property', operator: '=', value: 'remindAt' }, action: 'cloud.remind-environment', inputs: {} },
];
