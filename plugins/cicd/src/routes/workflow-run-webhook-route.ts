import { NotFoundError, UnauthorizedError, ValidationError, type CatalogService, type HttpRoute, type LoggerService, type SecretsService } from '@portico/plugin-api';
import { componentForRepository, type CicdConfig } from '../config/cicd-config';
import type { GitHubWorkflow, GitHubWorkflowRun } from '../github/github-types';
import { buildEntity, pipelineEntity, pipelineId } from '../ingestion/github-entities';
import { verifyGitHubSignature } from './verify-github-signature';

interface WorkflowRunEvent {
  action?: string;
  workflow_run?: GitHubWorkflowRun;
  workflow?: GitHubWorkflow;
  repository?: { full_name?: string };
}

/**
 * What GitHub sends: a `workflow_run` event (or a `ping`). Loose on purpose, beyond the fields the
 * handler reads: GitHub adds fields, and the signature, not the schema, decides who may send.
 */
const EVENT_BODY = {
  type: 'object',
  description: 'A GitHub webhook delivery; X-GitHub-Event says which (workflow_run is recorded, ping is answered, others are ignored)',
  properties: {
    action: { type: 'string', examples: ['completed'] },
    workflow_run: {
      type: 'object',
      properties: { id: { type: 'integer' }, workflow_id: { type: 'integer' }, status: { type: 'string' }, conclusion: { type: ['string', 'null'] }, head_branch: { type: ['string', 'null'] }, head_sha: { type: 'string' } },
    },
    workflow: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' }, path: { type: 'string' } } },
    repository: { type: 'object', properties: { full_name: { type: 'string', examples: ['example-org/cart-service'] } } },
  },
};

const IGNORED = { type: 'object', required: ['ignored'], properties: { ignored: { type: 'string', description: 'Why nothing was recorded' } } };

/**
 * `POST /api/v1/plugins/cicd/webhooks/github`: GitHub's `workflow_run` webhook keeps builds
 * current between resyncs. Public (GitHub sends no token), so every delivery must carry a
 * valid `X-Hub-Signature-256` made with the configured webhook secret.
 */
export function workflowRunWebhookRoute(deps: { config: CicdConfig; secrets: SecretsService; catalog: CatalogService; logger: LoggerService }): HttpRoute {
  const { config, secrets, catalog, logger } = deps;
  return {
    method: 'POST',
    path: '/webhooks/github',
    auth: 'public',
    summary: 'GitHub workflow_run webhook (checked with X-Hub-Signature-256 against the webhook secret)',
    body: EVENT_BODY,
    responses: {
      '200': {
        description: 'The build was recorded (or the ping answered with {"ok": true})',
        schema: { type: 'object', properties: { kind: { const: 'build' }, id: { type: 'string' }, result: { type: ['string', 'null'] }, ok: { const: true } } },
      },
      '202': { description: 'An event the plugin does not handle', schema: IGNORED },
      '404': { description: 'The repository is not configured in the plugin', contentType: 'application/problem+json' },
    },
    async handler(req) {
      const secret = await secrets.get(config.github.webhookSecret);
      if (!secret) throw new UnauthorizedError(`GitHub webhooks are not accepted: the secret "${config.github.webhookSecret}" is not set.`);
      if (!verifyGitHubSignature(secret, req.rawBody, req.headers['x-hub-signature-256'])) {
        throw new UnauthorizedError('The X-Hub-Signature-256 header is missing or does not match the body signed with the webhook secret.');
      }
      const event = req.headers['x-github-event'];
      if (event === 'ping') return { status: 200, body: { ok: true } };
      if (event !== 'workflow_run') return { status: 202, body: { ignored: `event ${event ?? '(none)'} is not handled` } };

      const payload = (req.body ?? {}) as WorkflowRunEvent;
      const run = payload.workflow_run;
      const repository = payload.repository?.full_name;
      if (!run || typeof run.id !== 'number' || typeof run.workflow_id !== 'number' || typeof repository !== 'string') {
        throw new ValidationError('A workflow_run event needs workflow_run.id, workflow_run.workflow_id and repository.full_name.', [
          { pointer: '/workflow_run', message: 'must be a workflow run object' },
        ]);
      }
      const componentId = componentForRepository(config, repository);
      if (componentId === null) throw new NotFoundError(`Repository ${repository} is not configured in the cicd plugin's "repositories"; the event was not recorded.`);
      const component = (await catalog.get({ kind: 'component', id: componentId })) ? componentId : null;

      let workflowKnown = (await catalog.get({ kind: 'pipeline', id: pipelineId(repository, run.workflow_id) })) !== null;
      if (!workflowKnown && payload.workflow && payload.workflow.id === run.workflow_id) {
        await catalog.upsert(pipelineEntity(repository, payload.workflow, component), { actor: 'github-webhook' });
        workflowKnown = true;
      }
      const build = await catalog.upsert(buildEntity(repository, run, component, workflowKnown), { actor: 'github-webhook' });
      logger.info('workflow_run recorded', { repository, run: run.id, action: payload.action, status: run.status });
      return { status: 200, body: { kind: build.kind, id: build.id, result: build.properties.result } };
    },
  };
}
