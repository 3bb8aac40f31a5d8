import type { ActionContext, ActionDefinition, ApprovalPolicy } from '@portico/plugin-api';
import type { DdlChange } from '../postgres/ddl-change';
import { isDestructive } from '../postgres/ddl-change';
import { tableTarget, type AirflowActionDeps } from './airflow-action-deps';
import { planTableChange, runTableChange } from './run-table-change';

export const APPLY_APPROVED_CHANGE = 'airflow.apply-approved-change';
export const DESTRUCTIVE_PERMISSION = 'airflow.ddl.destructive';
/** The actions that may start an approved change (and so vouch for its inputs). */
const REQUESTERS = new Set(['airflow.remove-column', 'airflow.update-column']);

/** Who approves a destructive change of the table: its owning team, else the configured fallback team. */
export function approversOf(ctx: ActionContext<unknown>, deps: AirflowActionDeps): ApprovalPolicy {
  const { entity } = tableTarget(ctx.entity);
  return { teams: [entity.owner ?? deps.config.fallbackApproverTeam] };
}

/**
 * A destructive change (remove a column, change its type) asked for by a run: the SQL is
 * checked and shown now, then a child run applies it once the table's owning team approves.
 * The child runs as the requester, so it also needs the `airflow.ddl.destructive` permission.
 * The run records the statements and who approved.
 */
export async function requestApprovedChange(ctx: ActionContext<unknown>, deps: AirflowActionDeps, change: DdlChange, lockTimeoutMs: number | undefined): Promise<void> {
  const { entity, schema, table } = tableTarget(ctx.entity);
  const plan = await planTableChange(ctx, deps, change);
  const approval = approversOf(ctx, deps);
  ctx.logger.info(`This change can lose data, so team ${approval.teams!.join(', ')} must approve it. Once approved it runs:`);
  for (const s of plan.statements) ctx.logger.info(`SQL: ${s.sql};`);
  ctx.setOutput('statements', plan.statements.map((s) => `${s.sql};`));
  const child = await ctx.runAction(APPLY_APPROVED_CHANGE, {
    entity: { kind: 'table', id: entity.id },
    inputs: { change, ...(lockTimeoutMs ? { lockTimeoutMs } : {}) },
    approval,
    title: `Apply to ${schema}.${table} after approval`,
  });
  const approvedBy = child.approvals.filter((a) => a.decision === 'approve').map((a) => a.by);
  ctx.setOutput('approvedBy', approvedBy);
  if (child.status !== 'succeeded') {
    const declined = child.approvals.filter((a) => a.decision === 'decline').map((a) => `${a.by}${a.comment ? ` (${a.comment})` : ''}`);
    throw new Error(child.status === 'declined' ? `The change was declined by ${declined.join(', ') || 'an approver'}; nothing was changed.` : `The change did not apply (${child.status}): ${(child.error ?? 'see the step run').replace(/\.$/, '')}.`);
  }
  ctx.setOutput('rowsAffected', child.outputs.rowsAffected ?? null);
  ctx.logger.info(`Approved by ${approvedBy.join(', ')} and applied.`);
}

interface ApplyInputs {
  change: DdlChange;
  lockTimeoutMs?: number;
}

/**
 * Applies a destructive change after approval. It runs only as the step of a Remove column or
 * Update column run, approved by the table's owning team: started any other way it refuses,
 * so nobody can skip the approval by calling it directly.
 */
export function applyApprovedChangeAction(deps: AirflowActionDeps): ActionDefinition<ApplyInputs> {
  return {
    id: APPLY_APPROVED_CHANGE,
    title: 'Apply an approved table change',
    description: 'The step of Remove column and Update column that runs the change once the owning team approved it. It refuses to run on its own.',
    icon: 'verified',
    kind: 'table',
    operation: 'day-2',
    permission: DESTRUCTIVE_PERMISSION,
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['change'],
      properties: {
        change: { type: 'object', required: ['op', 'column'], properties: { op: { type: 'string', enum: ['remove-column', 'update-column'] }, column: { type: 'string', minLength: 1 } } },
        lockTimeoutMs: { type: 'integer', minimum: 1, maximum: 600_000 },
      },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        const run = await deps.actionRunner.getRun(ctx.runId);
        const parent = run?.parentRunId ? await deps.actionRunner.getRun(run.parentRunId) : null;
        const owners = approversOf(ctx, deps).teams ?? [];
        const approvedByOwner = Boolean(run?.extraApproval?.teams?.some((t) => owners.includes(t))) && (run?.approvals ?? []).some((a) => a.decision === 'approve');
        if (!parent || !REQUESTERS.has(parent.actionId) || !approvedByOwner || !isDestructive(ctx.inputs.change)) {
          throw new Error(`This step applies only changes requested through "Remove column" or "Update column" and approved by team ${owners.join(', ')}; start one of those instead.`);
        }
        ctx.logger.info(`Approved by ${run!.approvals.filter((a) => a.decision === 'approve').map((a) => a.by).join(', ')}; requested by ${parent.actor} in run ${parent.id}.`);
        await runTableChange(ctx, deps, ctx.inputs.change, { dryRun: false, lockTimeoutMs: ctx.inputs.lockTimeoutMs });
      },
    },
  };
}
