import type { ActionContext, Entity } from '@portico/plugin-api';
import type { CicdActionDeps } from '../actions/cicd-action-deps';
import { repositoryOf } from '../actions/cicd-action-deps';
import { assertNotLocked, recordDeployment, type DeploymentStrategy } from './deployment-records';
import { dispatchAndFollow } from './follow-workflow-run';

export interface DeploymentRequest {
  component: Entity;
  environment: string;
  version: string;
  strategy: DeploymentStrategy;
  canaryPercent?: number;
  revertOf?: string;
}

/**
 * Deploy and revert share this: refuse when locked, record the deployment as in progress,
 * dispatch the deploy workflow, follow its run to the end, and record how it ended.
 */
export async function runDeployment(ctx: ActionContext<unknown>, deps: CicdActionDeps, request: DeploymentRequest): Promise<Entity> {
  const { component, environment, version, strategy } = request;
  await assertNotLocked(ctx.catalog, component.id, environment);
  const repository = repositoryOf(component, deps.config);
  const client = await deps.github(ctx.secrets);
  const ref = deps.config.deploy.ref ?? (await client.getRepository(repository)).default_branch;

  const deployment = await recordDeployment(
    ctx.catalog,
    { service: component.id, environment, version, strategy, status: 'in_progress', deployedBy: ctx.actor, source: 'portico', actionRunId: ctx.runId, revertOf: request.revertOf },
    ctx.actor,
  );
  ctx.setOutput('deployment', deployment.id);
  const deploymentRef = { kind: 'deployment', id: deployment.id };
  const inputs: Record<string, string> = { version, environment, strategy };
  if (strategy === 'canary') inputs.canary_percent = String(request.canaryPercent ?? 10);

  try {
    const run = await dispatchAndFollow({
      client,
      repository,
      workflow: deps.config.deploy.workflow,
      ref,
      inputs,
      correlationId: ctx.runId,
      pollIntervalMs: deps.config.deploy.pollIntervalMs,
      findRunTimeoutMs: deps.config.deploy.findRunTimeoutMs,
      logger: ctx.logger,
      signal: ctx.signal,
      onRunFound: async (found) => {
        ctx.addLink({ title: `Workflow run #${found.run_number}`, url: found.html_url });
        ctx.setOutput('workflowRunId', found.id);
        await ctx.catalog.patch(deploymentRef, { properties: { ...deployment.properties, url: found.html_url, workflowRunId: found.id } }, { actor: ctx.actor });
      },
      onProgress: (percent) => ctx.setProgress(percent),
    });
    const succeeded = run.conclusion === 'success';
    const current = (await ctx.catalog.get(deploymentRef)) ?? deployment;
    const finished = await ctx.catalog.patch(
      deploymentRef,
      { properties: { ...current.properties, status: succeeded ? 'succeeded' : 'failed', deployedAt: new Date().toISOString() } },
      { actor: ctx.actor },
    );
    if (!succeeded) {
      throw new Error(`The deploy workflow run #${run.run_number} ended with conclusion "${run.conclusion}": ${run.html_url}`);
    }
    ctx.logger.info(`${component.id} ${version} is live in ${environment}`);
    return finished;
  } catch (error) {
    const current = await ctx.catalog.get(deploymentRef);
    if (current && current.properties.status === 'in_progress') {
      const status = ctx.signal.aborted ? 'cancelled' : 'failed';
      await ctx.catalog.patch(deploymentRef, { properties: { ...current.properties, status } }, { actor: ctx.actor });
    }
    throw error;
  }
}
