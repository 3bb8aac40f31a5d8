import type { ActionDefinition, SecretsService } from '@portico/plugin-api';
import { runRunbookAction } from '../runbooks/run-runbook-action';
import { acknowledgeAction, escalateAction, reassignAction, resolveAction } from './incident-actions';
import type { OncallActionDeps } from './oncall-action-deps';
import { pageAction } from './page-action';
import { sendAlertAction } from './send-alert-action';
import { takeShiftAction } from './take-shift-action';

/** Every action of the plugin, in the order the UI lists them (typed `never`: each has its own inputs). */
export function oncallActions(deps: OncallActionDeps & { secrets: SecretsService }): ActionDefinition<never>[] {
  return [pageAction(deps), sendAlertAction(deps), acknowledgeAction(deps), resolveAction(deps), reassignAction(deps), escalateAction(deps), takeShiftAction(deps), runRunbookAction(deps)];
}
