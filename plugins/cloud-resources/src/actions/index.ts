import type { ActionDefinition } from '@portico/plugin-api';
import type { CloudActionDeps } from './cloud-action-deps';
import { destroyResourceAction, destroyResourceApprovedAction } from './destroy-resource-action';
import { modifyResourceAction } from './modify-resource-action';
import { provisionResourceAction } from './provision-resource-action';
import { restartRolloutAction } from './restart-rollout-action';
import { scaleWorkloadAction } from './scale-workload-action';
import { updateAutoScalingGroupAction } from './update-auto-scaling-group-action';

/** Every action of the plugin, in the order the UI lists them (typed `never`: each has its own inputs). */
export function cloudActions(deps: CloudActionDeps): ActionDefinition<never>[] {
  return [
    provisionResourceAction(deps),
    modifyResourceAction(deps),
    destroyResourceAction(deps),
    destroyResourceApprovedAction(deps),
    scaleWorkloadAction(deps),
    restartRolloutAction(deps),
    updateAutoScalingGroupAction(deps),
  ] as ActionDefinition<never>[];
}
