import type { ActionDefinition, AutomationDefinition } from '@portico/plugin-api';
import type { BackofficeActionDeps } from './backoffice-action-deps';
import { changeConfigurationAction } from './change-configuration-action';
import { changePlanAction } from './change-plan-action';
import { completeDeletionAction } from './complete-deletion-action';
import { createCustomerAction } from './create-customer-action';
import { deleteCustomerAction } from './delete-customer-action';
import { restoreCustomerAction } from './restore-customer-action';
import { updateSoftwareVersionAction } from './update-software-version-action';

export type { BackofficeActionDeps } from './backoffice-action-deps';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function backofficeActions(deps: BackofficeActionDeps): Array<ActionDefinition<any>> {
  return [
    createCustomerAction(deps),
    changeConfigurationAction(deps),
    updateSoftwareVersionAction(deps),
    changePlanAction(deps),
    deleteCustomerAction(deps),
    restoreCustomerAction(deps),
    completeDeletionAction(deps),
  ];
}

/** When a soft-deleted customer's `deleteAt` timer expires, the deletion completes. */
export const gracePeriodAutomation: AutomationDefinition = {
  id: 'backoffice.complete-deletion-after-grace-period',
  on: 'timer.expired',
  kind: 'customer',
  condition: { path: 'timer.property', operator: '=', value: 'deleteAt' },
  action: 'backoffice.complete-deletion',
};
