import type { KindDefinition } from '@portico/plugin-api';

/**
 * A GitHub Actions workflow of a component's repository.
 * @public
 */
export const pipelineKind: KindDefinition = {
  id: 'pipeline',
  title: 'Pipeline',
  description: 'A CI/CD workflow (a GitHub Actions workflow file).',
  icon: 'account_tree',
  schema: {
    type: 'object',
    required: ['repository', 'workflowId'],
    properties: {
      provider: { type: 'string', title: 'Provider', enum: ['github-actions'], default: 'github-actions' },
      repository: { type: 'string', title: 'Repository' },
      workflowId: { type: 'number', title: 'Workflow id' },
      path: { type: 'string', title: 'File' },
      state: { type: 'string', title: 'State' },
      url: { type: 'string', title: 'URL', format: 'url' },
    },
  },
  relations: {
    component: { target: 'component', title: 'Builds', inverse: 'pipelines', inverseTitle: 'Pipelines' },
  },
};
