import type { KindDefinition } from '@portico/plugin-api';

/**
 * One run of a pipeline (a GitHub Actions workflow run).
 * @public
 */
export const buildKind: KindDefinition = {
  id: 'build',
  title: 'Build',
  description: 'One run of a pipeline (a GitHub Actions workflow run).',
  icon: 'play_circle',
  schema: {
    type: 'object',
    required: ['repository', 'runId', 'status', 'result'],
    properties: {
      repository: { type: 'string', title: 'Repository' },
      runId: { type: 'number', title: 'Run id' },
      runNumber: { type: 'number', title: 'Run number' },
      workflowId: { type: 'number', title: 'Workflow id' },
      displayTitle: { type: 'string', title: 'Title' },
      event: { type: 'string', title: 'Trigger' },
      status: { type: 'string', title: 'Status', description: "GitHub's status: queued, in_progress, completed..." },
      conclusion: { type: ['string', 'null'], title: 'Conclusion' },
      // One vocabulary across CI providers, for widgets and queries.
      result: { type: 'string', title: 'Result', enum: ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'skipped'] },
      branch: { type: ['string', 'null'], title: 'Branch' },
      commitSha: { type: 'string', title: 'Commit' },
      actor: { type: 'string', title: 'Actor' },
      url: { type: 'string', title: 'URL', format: 'url' },
      startedAt: { type: 'string', title: 'Started', format: 'date-time' },
      updatedAt: { type: 'string', title: 'Updated', format: 'date-time' },
    },
  },
  relations: {
    pipeline: { target: 'pipeline', title: 'Pipeline', inverse: 'builds', inverseTitle: 'Builds' },
    component: { target: 'component', title: 'Component', inverse: 'builds', inverseTitle: 'Builds' },
  },
};
