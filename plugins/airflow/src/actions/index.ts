import type { ActionDefinition } from '@portico/plugin-api';
import { addColumnAction } from './add-column-action';
import type { AirflowActionDeps } from './airflow-action-deps';
import { applyApprovedChangeAction } from './approved-change';
import { clearFailedTasksAction } from './clear-failed-tasks-action';
import { duplicateTableAction } from './duplicate-table-action';
import { pauseDagAction, unpauseDagAction } from './pause-dag-actions';
import { removeColumnAction } from './remove-column-action';
import { runDagAction } from './run-dag-action';
import { updateColumnAction } from './update-column-action';

/** Every action of the plugin, in the order the UI lists them (typed `never`: each has its own inputs). */
export function airflowActions(deps: AirflowActionDeps): ActionDefinition<never>[] {
  return [
    runDagAction(deps),
    pauseDagAction(deps),
    unpauseDagAction(deps),
    clearFailedTasksAction(deps),
    addColumnAction(deps),
    updateColumnAction(deps),
    removeColumnAction(deps),
    duplicateTableAction(deps),
    applyApprovedChangeAction(deps),
  ] as ActionDefinition<never>[];
}
