import type { ActionDefinition } from '@portico/plugin-api';
import { repositoryOf, requireComponent, type CicdActionDeps } from './cicd-action-deps';

/**
 * Merges a pull request without waiting for its checks, for a crisis. The token needs
 * admin rights to bypass branch protection, so the run first waits for an approver
 * named in the plugin config (`forceMerge.approvers`).
 */
export function forceMergePrAction(deps: CicdActionDeps): ActionDefinition<{ pullRequest: number; reason: string }> {
  const { users, teams } = deps.config.forceMerge.approvers;
  return {
    id: 'cicd.force-merge-pr',
    title: 'Force-merge pull request',
    description: 'Merge a pull request now, skipping required checks. Needs approval.',
    icon: 'merge',
    kind: 'component',
    operation: 'day-2',
    // Every GitHub call reads the token secret, and nothing else.
    secrets: [deps.config.github.tokenSecret],
    permission: 'cicd.force-merge',
    approval: { users, teams, mode: 'any' },
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['pullRequest', 'reason'],
      properties: {
        pullRequest: { type: 'integer', title: 'Pull request number', minimum: 1 },
        reason: { type: 'string', title: 'Why it cannot wait', minLength: 3, maxLength: 500 },
      },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        const component = requireComponent(ctx);
        const repository = repositoryOf(component, deps.config);
        const client = await deps.github(ctx.secrets);
        const pull = await client.getPullRequest(repository, ctx.inputs.pullRequest);
        if (pull.merged) throw new Error(`Pull request #${pull.number} of ${repository} is already merged.`);
        if (pull.state !== 'open') throw new Error(`Pull request #${pull.number} of ${repository} is closed.`);
        ctx.addLink({ title: `Pull request #${pull.number}`, url: pull.html_url });
        ctx.logger.warn(`Force-merging #${pull.number} "${pull.title}" of ${repository} for ${ctx.actor}: ${ctx.inputs.reason}`);
        const result = await client.mergePullRequest(repository, pull.number, {
          mergeMethod: deps.config.forceMerge.mergeMethod,
          sha: pull.head.sha,
          commitTitle: `${pull.title} (#${pull.number}, force-merged by ${ctx.actor} through Portico)`,
        });
        if (!result.merged) throw new Error(`GitHub did not merge #${pull.number}: ${result.message}`);
        ctx.setOutput('mergeCommit', result.sha);
        ctx.logger.info(`Merged #${pull.number} as ${result.sha}`);
      },
    },
  };
}
