import type { ApprovalPolicy, Identity, Run } from '@portico/plugin-api';

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
