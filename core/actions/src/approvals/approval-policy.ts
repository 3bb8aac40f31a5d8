import type { ActionDefinition, ApprovalPolicy, Identity, Run } from '@portico/plugin-api';

function bare(id: string, prefix: string): string {
  return id.startsWith(prefix) ? id.slice(prefix.length) : id;
}

function isUser(identity: Identity, user: string): boolean {
  return bare(identity.id, 'user:') === bare(user, 'user:');
}

function inTeam(identity: Identity, team: string): boolean {
  return identity.teams.some((t) => bare(t, 'team:') === bare(team, 'team:'));
}

/** Whether this identity may approve or decline under the policy (a listed user, or a member of a listed team). */
export function isApprover(policy: ApprovalPolicy, identity: Identity): boolean {
  return (policy.users ?? []).some((u) => isUser(identity, u)) || (policy.teams ?? []).some((t) => inTeam(identity, t));
}

/**
 * `any`: one approval suffices. `all`: every listed user has approved and, for each listed
 * team, at least one member has. Approvers are recorded with their teams for this check.
 */
export function isApproved(policy: ApprovalPolicy, approvals: Run['approvals'], teamsOf: (by: string) => string[]): boolean {
  const approvers = approvals.filter((a) => a.decision === 'approve');
  if ((policy.mode ?? 'any') === 'any') return approvers.length > 0;
  const users = (policy.users ?? []).every((u) => approvers.some((a) => bare(a.by, 'user:') === bare(u, 'user:')));
  const teams = (policy.teams ?? []).every((t) => approvers.some((a) => teamsOf(a.by).some((x) => bare(x, 'team:') === bare(t, 'team:'))));
  return users && teams;
}

/** Whether approving would be the requester approving their own run, which the policy forbids unless `allowSelfApproval`. */
export function isSelfApproval(policy: ApprovalPolicy, run: Run, identity: Identity): boolean {
  return policy.allowSelfApproval !== true && run.actor === identity.id;
}

/** The approvals a run needs: its action's policy, and the one its parent run added, if any. */
export function approvalPolicies(definition: ActionDefinition, run: Pick<Run, 'extraApproval'>): ApprovalPolicy[] {
  return [definition.approval, run.extraApproval].filter((p): p is ApprovalPolicy => Boolean(p));
}

/** Whether every policy is met, each counting only the approvals of people it names (directly or by team). */
export function isApprovedByAll(policies: ApprovalPolicy[], approvals: Run['approvals'], teamsOf: (by: string) => string[]): boolean {
  return policies.every((policy) => {
    const own = approvals.filter((a) => isApprover(policy, { id: a.by, teams: teamsOf(a.by) } as Identity));
    return isApproved(policy, own, teamsOf);
  });
}

/** Who may approve, for the run log: "user:a, team platform". */
export function describeApprovers(policies: ApprovalPolicy[]): string {
  return policies.map((p) => `${p.mode ?? 'any'} of: ${[...(p.users ?? []), ...(p.teams ?? []).map((t) => `team ${t}`)].join(', ')}`).join('; and ');
}
