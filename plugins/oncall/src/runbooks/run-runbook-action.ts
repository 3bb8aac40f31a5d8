import type { ActionContext, ActionDefinition, ApprovalPolicy, Entity, Run } from '@portico/plugin-api';
import type { RunbookOutcome, RunbookStep } from '../kinds/runbook-kind';
import { noteSimulated, type OncallActionDeps } from '../actions/oncall-action-deps';
import { renderTemplate, TemplateError } from './render-template';

interface RunbookInputs {
  runbook?: string;
}

interface PlannedStep {
  step: RunbookStep;
  label: string;
  entity: string | null;
  inputs: Record<string, unknown>;
  approval?: ApprovalPolicy;
}

/** The runbook to run: the one named, else the only one of the incident's service. */
async function chooseRunbook(ctx: ActionContext<RunbookInputs>, component: string | null): Promise<Entity> {
  if (ctx.inputs.runbook) {
    const runbook = await ctx.catalog.get({ kind: 'runbook', id: ctx.inputs.runbook });
    if (!runbook) throw new Error(`There is no runbook "${ctx.inputs.runbook}"; list them at /catalog/runbook.`);
    return runbook;
  }
  if (!component) throw new Error('This incident belongs to no Component in the catalog, so it has no runbook; name one in "runbook".');
  const found = await ctx.catalog.query({ kind: 'runbook', filter: { combinator: 'and', rules: [{ property: 'relations.components', operator: 'contains', value: component }] }, limit: 10 });
  if (found.items.length === 0) throw new Error(`${component} has no runbook; write one (kind runbook, for services: ${component}) or name one in "runbook".`);
  if (found.items.length > 1) throw new Error(`${component} has ${found.items.length} runbooks (${found.items.map((r) => r.id).join(', ')}); name the one to run in "runbook".`);
  return found.items[0];
}

function describe(policy: ApprovalPolicy): string {
  return [...(policy.users ?? []).map((u) => `user ${u}`), ...(policy.teams ?? []).map((t) => `team ${t}`)].join(' or ');
}

/**
 * Checks every step before the first runs: its action is installed and its templates fill in.
 * Inputs are checked against each action's schema when its step starts (and refused there,
 * stopping the runbook), because a step may use what earlier steps changed.
 */
async function plan(ctx: ActionContext<RunbookInputs>, deps: OncallActionDeps, runbook: Entity, context: Record<string, unknown>, owner: string | undefined): Promise<PlannedStep[]> {
  const steps = (runbook.properties.steps as RunbookStep[] | undefined) ?? [];
  if (steps.length === 0) throw new Error(`Runbook ${runbook.id} has no steps.`);
  const installed = new Set((await deps.actionRunner.listActions()).map((a) => a.id));
  return steps.map((step, i) => {
    const label = `Step ${i + 1}: ${step.title}`;
    if (step.action === 'oncall.run-runbook') throw new Error(`${label} runs a runbook from a runbook; list its steps here instead.`);
    if (!installed.has(step.action)) throw new Error(`${label} names the action "${step.action}", which no installed plugin provides; fix runbook ${runbook.id}. Nothing was run.`);
    try {
      const entity = step.entity ? String(renderTemplate(step.entity, context, `${label} entity`)) : null;
      const inputs = (renderTemplate(step.inputs ?? {}, context, `${label} inputs`) ?? {}) as Record<string, unknown>;
      let approval: ApprovalPolicy | undefined;
      if (step.requiresApproval) approval = step.approvers && ((step.approvers.users ?? []).length > 0 || (step.approvers.teams ?? []).length > 0) ? step.approvers : owner ? { teams: [owner] } : deps.config.runbookApprovers;
      return { step, label, entity, inputs, ...(approval ? { approval } : {}) };
    } catch (error) {
      if (error instanceof TemplateError) throw new Error(`${error.message} Fix runbook ${runbook.id}. Nothing was run.`);
      throw error;
    }
  });
}

/**
 * Runs an incident's runbook: each step is a linked child run of another plugin's action (as
 * the person, or the automation, that started this run, under that action's permission and
 * approvals), in order; a step marked `requiresApproval` waits for its approvers; the first
 * step that does not succeed stops the runbook and names itself. The run ends with a summary.
 */
export function runRunbookAction(deps: OncallActionDeps): ActionDefinition<RunbookInputs> {
  return {
    id: 'oncall.run-runbook',
    title: 'Run a runbook',
    description: "Runs the incident's runbook step by step: each step is another action, with its own log and approvals.",
    icon: 'play_circle',
    kind: 'incident',
    operation: 'day-2',
    permission: 'oncall.runbook.run',
    timeoutMs: 6 * 60 * 60 * 1000,
    inputSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { runbook: { type: 'string', title: "Runbook (default: the service's)", pattern: '^[a-z0-9][a-z0-9._-]*$' } },
    },
    invocation: {
      type: 'handler',
      async handler(ctx) {
        noteSimulated(ctx, deps.config);
        const incident = ctx.entity!;
        const componentId = (incident.relations.component as string | null) ?? null;
        const service = componentId ? await ctx.catalog.get({ kind: 'component', id: componentId }) : null;
        const runbook = await chooseRunbook(ctx, componentId);
        const context = {
          incident: { id: incident.id, title: incident.title, ...incident.properties, properties: incident.properties },
          service: service ? { id: service.id, title: service.title, owner: service.owner ?? null, properties: service.properties } : { id: null, title: null, owner: null, properties: {} },
          runbook: { id: runbook.id, title: runbook.title },
          actor: ctx.actor,
        };
        const steps = await plan(ctx, deps, runbook, context, service?.owner);
        ctx.logger.info(`Running runbook "${runbook.title}" (${steps.length} steps) for incident ${incident.id}`);
        const outcome: RunbookOutcome = { runId: ctx.runId, status: 'running', at: new Date().toISOString(), incident: incident.id, steps: steps.map((s) => ({ title: s.step.title, action: s.step.action, status: 'not run' })) };
        let failure: string | null = null;
        for (const [i, s] of steps.entries()) {
          if (s.approval) ctx.logger.info(`${s.label} needs approval by ${describe(s.approval)}`);
          let child: Run;
          try {
            child = await ctx.runAction(s.step.action, { inputs: s.inputs, entity: s.entity, title: s.label, ...(s.approval ? { approval: s.approval } : {}) });
          } catch (error) {
            outcome.steps[i] = { ...outcome.steps[i], status: 'not started', error: (error as Error).message };
            failure = `${s.label} (${s.step.action}) could not start: ${(error as Error).message}`;
            break;
          }
          outcome.steps[i] = { title: s.step.title, action: s.step.action, status: child.status, runId: child.id, error: child.error };
          ctx.setProgress(Math.round(((i + 1) / steps.length) * 100));
          if (child.status !== 'succeeded') {
            failure = `${s.label} (${s.step.action}) ended ${child.status.replace('_', ' ')}${child.error ? `: ${child.error}` : ''}`;
            break;
          }
        }
        outcome.status = failure ? 'failed' : 'succeeded';
        ctx.logger.info('Summary:');
        for (const s of outcome.steps) ctx.logger.info(`  ${s.title} (${s.action}): ${s.status}${s.runId ? ` [run ${s.runId}]` : ''}${s.error ? `: ${s.error}` : ''}`);
        ctx.setOutput('summary', outcome.steps);
        await ctx.catalog.patch({ kind: 'runbook', id: runbook.id }, { properties: { ...runbook.properties, lastOutcome: outcome } }).catch((error: unknown) => ctx.logger.warn(`Could not record the outcome on runbook ${runbook.id}: ${(error as Error).message}`));
        if (failure) throw new Error(failure);
      },
    },
  };
}
