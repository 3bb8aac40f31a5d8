import { ForbiddenError, type ActionContext, type Entity } from '@portico/plugin-api';
import { owningTeam, type MlActionDeps } from '../actions/ml-action-deps';
import { mlEntityId } from '../ingestion/entity-ids';
import { applyServingChange, type EndpointLocation } from './apply-serving-change';
import { describeChange, needsApproval, type ServingChange } from './serving-change';

export const PRODUCTION = 'production';
export const PRODUCTION_STEP = 'ml.apply-production-change';
export const PRODUCTION_PERMISSION = 'ml.production.change';

/**
 * Runs a serving change: outside production at once; in production as the step
 * `ml.apply-production-change`, which needs the `ml.production.change` permission and, for a
 * change that serves a new version (deploy, start a challenger), the approval of the model's
 * owning team.
 */
export async function runServingChange(ctx: ActionContext<unknown>, deps: MlActionDeps, where: EndpointLocation, model: string, change: ServingChange): Promise<void> {
  const modelEntity = await ctx.catalog.get({ kind: 'ml-model', id: mlEntityId(model) });
  if (where.environment !== PRODUCTION) {
    await applyServingChange(ctx, deps, where, model, change, modelEntity);
    return;
  }
  if (!modelEntity) throw new Error(`Model ${model} is not in the catalog yet, so its owning team is unknown; wait for the next MLflow sync. Nothing was changed.`);
  const team = owningTeam(modelEntity, deps.config.defaultOwner);
  const approval = needsApproval(change) ? { teams: [team] } : undefined;
  if (approval) ctx.logger.info(`In production, to ${describeChange(change)} needs the approval of ${model}'s owning team, ${team}`);
  const step = await ctx
    .runAction(PRODUCTION_STEP, {
      entity: { kind: 'ml-model', id: modelEntity.id },
      inputs: { environment: where.environment, endpoint: where.name, change },
      ...(approval ? { approval } : {}),
      title: `Production: ${describeChange(change)} on ${where.name}${approval ? ` (approved by ${team})` : ''}`,
    })
    .catch((error: unknown) => {
      if (!(error instanceof ForbiddenError)) throw error;
      throw new Error(`Changing a production endpoint needs the permission ${PRODUCTION_PERMISSION}, which ${ctx.actor} lacks; ask a portal admin for it, or someone of ${team} who holds it. Nothing was changed.`);
    });
  if (step.status !== 'succeeded') {
    const declined = step.approvals.filter((a) => a.decision === 'decline').map((a) => `${a.by}${a.comment ? ` (${a.comment})` : ''}`);
    throw new Error(step.status === 'declined' ? `Declined by ${declined.join(', ') || 'an approver'}; nothing was changed.` : `The production step ended ${step.status}${step.error ? `: ${step.error.replace(/\.$/, '')}` : ''}.`);
  }
  for (const [name, value] of Object.entries(step.outputs)) ctx.setOutput(name, value);
}

/** Where an endpoint entity is served. */
export function locationOf(endpoint: Entity): EndpointLocation {
  const p = endpoint.properties as Record<string, unknown>;
  for (const key of ['environment', 'cluster', 'namespace', 'name']) if (typeof p[key] !== 'string') throw new Error(`Serving endpoint ${endpoint.id} has no ${key}; it was not synced from a cluster.`);
  return { environment: p.environment as string, cluster: p.cluster as string, namespace: p.namespace as string, name: p.name as string };
}
