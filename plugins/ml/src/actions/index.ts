import type { ActionDefinition, AutomationDefinition } from '@portico/plugin-api';
import { applyProductionChangeAction } from './apply-production-change-action';
import { deployModelVersionAction } from './deploy-model-version-action';
import { promoteChallengerAction, revertEndpointAction, rollbackChallengerAction } from './endpoint-change-actions';
import { extendNotebookAction } from './extend-notebook-action';
import type { MlActionDeps } from './ml-action-deps';
import { preprocessDatasetAction } from './preprocess-dataset-action';
import { routeTrafficAction } from './route-traffic-action';
import { startNotebookAction } from './start-notebook-action';
import { stopNotebookAction } from './stop-notebook-action';
import { trainModelAction } from './train-model-action';

/** Every action of the plugin, in the order the UI lists them (typed `never`: each has its own inputs). */
export function mlActions(deps: MlActionDeps): ActionDefinition<never>[] {
  return [
    trainModelAction(deps),
    preprocessDatasetAction(deps),
    deployModelVersionAction(deps),
    routeTrafficAction(deps),
    promoteChallengerAction(deps),
    rollbackChallengerAction(deps),
    revertEndpointAction(deps),
    applyProductionChangeAction(deps),
    startNotebookAction(deps),
    extendNotebookAction(deps),
    stopNotebookAction(deps),
  ] as ActionDefinition<never>[];
}

/** A notebook's timer stops it, once, whichever portal instance claims the timer. */
export const mlAutomations: AutomationDefinition[] = [
  { id: 'ml.stop-expired-notebook', on: 'timer.expired', kind: 'ml-notebook', condition: { path: 'timer.property', operator: '=', value: 'expiresAt' }, action: 'ml.stop-notebook', inputs: { reason: 'its time was up' } },
];
