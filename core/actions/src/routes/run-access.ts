import { PERMISSIONS, hasPermission, isOwner, type ActionDefinition, type Entity, type Identity, type Run } from '@portico/plugin-api';
import { forbidden } from '@portico/http';

/** Everyone reads their own runs; `runs.read` reads all; a run's callback token reads its run. */
export function canReadRun(identity: Identity, run: Run): boolean {
  return run.actor === identity.id || identity.runId === run.id || hasPermission(identity, PERMISSIONS.runsRead);
}

/**
 * Starting an action needs `actions.run`, except that members of the team owning the
 * target entity may run its day-2 actions; the action's own permission applies on top.
 */
export function authorizeRunStart(identity: Identity, action: ActionDefinition, entity: Entity | null): void {
  const doing = `Running "${action.title}" (${action.id})`;
  const owner = action.operation === 'day-2' && isOwner(identity, entity);
  if (!owner && !hasPermission(identity, PERMISSIONS.actionsRun)) {
    throw forbidden(identity, PERMISSIONS.actionsRun, doing, entity && action.operation === 'day-2' ? ` and is not a member of ${entity.kind}/${entity.id}'s owning team "${entity.owner ?? 'none'}"` : '');
  }
  if (action.permission && !hasPermission(identity, action.permission)) throw forbidden(identity, action.permission, doing);
}

/** Reports on a run come from that run's callback token, or an identity holding `runs.report`. */
export function authorizeRunReport(identity: Identity, runId: string): void {
  if (identity.runId === runId || hasPermission(identity, PERMISSIONS.runsReport)) return;
  throw forbidden(identity, PERMISSIONS.runsReport, `Reporting on run ${runId}`, identity.runId ? ` (its callback token is for run ${identity.runId})` : '; a receiver reports with the run\'s own callback token (header X-Portico-Callback-Token of the webhook call)');
}

/** The actor of a run may cancel it; others need `runs.cancel`. */
export function authorizeRunCancel(identity: Identity, run: Run): void {
  if (run.actor === identity.id || hasPermission(identity, PERMISSIONS.runsCancel)) return;
  throw forbidden(identity, PERMISSIONS.runsCancel, `Cancelling run ${run.id} of ${run.actor}`);
}
