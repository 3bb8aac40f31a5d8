import type { ActionContext, ActionRunnerService, Entity } from '@portico/plugin-api';

/** The team that owns an entity, which approves destroying it or granting access to it. */
export function owningTeam(entity: Entity): string {
  if (!entity.owner) throw new Error(`${entity.kind} ${entity.id} has no owning team, so nobody can approve this; set its owner first.`);
  return entity.owner.startsWith('team:') ? entity.owner.slice(5) : entity.owner;
}

/**
 * The guard of an approved step: it runs only as the child of `parentAction`, after the
 * entity's owning team approved it. Started any other way (directly, by API), it changes nothing.
 */
export async function requireOwnerApproval(ctx: ActionContext<unknown>, actionRunner: Pick<ActionRunnerService, 'getRun'>, parentAction: string, team: string): Promise<string[]> {
  const run = await actionRunner.getRun(ctx.runId);
  const parent = run?.parentRunId ? await actionRunner.getRun(run.parentRunId) : null;
  const approvers = (run?.approvals ?? []).filter((a) => a.decision === 'approve').map((a) => a.by);
  const teams = run?.extraApproval?.teams ?? [];
  if (!run || parent?.actionId !== parentAction || !teams.includes(team) || approvers.length === 0) {
    throw new Error(`This step runs only inside "${parentAction}", once the owning team ${team} approved it; start that action instead. Nothing was changed.`);
  }
  return approvers;
}
