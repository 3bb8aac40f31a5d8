import { NotFoundError, PERMISSIONS, ValidationError, hasPermission, type ActionDefinition, type Identity, type EntityRef, type JsonSchema, type Run, type RunStatus } from '@portico/plugin-api';
import { defineRoute, type ApiRoute } from '@portico/http';
import type { PorticoActionRunner, RunReport } from '../runner/portico-action-runner';
import { ALL_STATUSES } from '../runs/run-status';
import { streamRunLogs } from './stream-run-logs';
import { isLogEntryId } from '../runs/log-entry-id';
import { authorizeRunCancel, authorizeRunReport, authorizeRunStart, canReadRun } from './run-access';
import type { AutomationDefinition } from '../automations/automation';

const entityRef: JsonSchema = { type: 'object', required: ['kind', 'id'], additionalProperties: false, properties: { kind: { type: 'string', minLength: 1 }, id: { type: 'string', minLength: 1 } } };
const runSchema: JsonSchema = {
  type: 'object',
  description: 'A run of an action',
  properties: {
    id: { type: 'string' },
    actionId: { type: 'string' },
    status: { type: 'string', enum: [...ALL_STATUSES] },
    parentRunId: { type: ['string', 'null'], description: 'The run that started this one as a step (ctx.runAction)' },
    childRunIds: { type: 'array', items: { type: 'string' }, description: 'Runs this one started as steps, in order' },
    title: { type: ['string', 'null'], description: 'The label its parent run gave it' },
  },
};
const problem = (description: string): { description: string; contentType: string } => ({ description, contentType: 'application/problem+json' });

/** `kind:id` → ref; the id may itself contain colons. */
function parseEntity(value: unknown, name: string): EntityRef | undefined {
  if (value === undefined || value === '') return undefined;
  const text = String(value);
  const at = text.indexOf(':');
  if (at <= 0 || at === text.length - 1) throw new ValidationError(`The query parameter "${name}" must be "<kind>:<id>".`, [{ pointer: `/${name}`, message: 'must be "<kind>:<id>"' }]);
  return { kind: text.slice(0, at), id: text.slice(at + 1) };
}

/** Checks the caller may start `actionId` (on `entity`); unknown actions and entities get their 404 from the runner. */
async function requireStart(runner: PorticoActionRunner, actionId: string, entity: EntityRef | null, identity: Identity): Promise<void> {
  const action = await runner.resolveAction(actionId);
  if (!action) return;
  authorizeRunStart(identity, action.definition, entity ? await runner.entityFor(entity) : null);
}

/** The run, if it exists and the caller may read it; otherwise the same 404 (so ids of others' runs reveal nothing). */
async function readableRun(runner: PorticoActionRunner, id: string, identity: Identity): Promise<Run> {
  const run = await runner.getRun(id);
  if (!run || !canReadRun(identity, run)) throw new NotFoundError(`Run "${id}" does not exist, or is not one you may read.`);
  return run;
}

const RUNNERS = 'a member of the team owning the entity, for its day-2 actions';

/** The runner's REST API, relative to /api/v1; the OpenAPI document is built from the same objects. */
export function createActionRoutes(runner: PorticoActionRunner): ApiRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/actions',
      operationId: 'listActions',
      summary: 'List actions, optionally only those for a kind or offered on one entity; `allowed` says whether the caller may start each',
      tags: ['actions'],
      access: { permission: PERMISSIONS.actionsRead },
      query: { kind: { schema: { type: 'string' } }, entity: { description: '`<kind>:<id>`: only actions offered on this entity', schema: { type: 'string' } } },
      responses: { '200': { description: 'Actions', schema: { type: 'object', properties: { items: { type: 'array' } } } }, '404': problem('Unknown entity') },
      handler: async ({ query, identity }) => {
        const entity = parseEntity(query.entity, 'entity');
        const kind = query.kind ? String(query.kind) : undefined;
        const items = entity || kind ? await runner.listActionsFor({ kind, entity }) : await runner.listActions();
        return { body: { items: items.map((action) => ({ ...action, allowed: hasPermission(identity, action.permission) && (hasPermission(identity, PERMISSIONS.actionsRun) || action.operation === 'day-2') })) } };
      },
    }),
    defineRoute<ActionDefinition>({
      method: 'post',
      path: '/actions',
      operationId: 'createAction',
      summary: 'Create or replace a webhook or agent action',
      tags: ['actions'],
      access: { permission: PERMISSIONS.actionsManage },
      body: { type: 'object', required: ['id', 'title', 'operation', 'inputSchema', 'invocation'], properties: { id: { type: 'string' }, title: { type: 'string' }, operation: { enum: ['create', 'day-2', 'delete'] }, inputSchema: { type: 'object' }, invocation: { type: 'object', required: ['type'], properties: { type: { enum: ['webhook', 'agent'] } } } } },
      responses: { '201': { description: 'Created', schema: { type: 'object' } }, '400': problem('Invalid definition'), '409': problem('Owned by a plugin') },
      handler: async ({ body }) => ({ status: 201, body: await runner.createApiAction(body) }),
    }),
    defineRoute({
      method: 'delete',
      path: '/actions/{id}',
      operationId: 'deleteAction',
      summary: 'Delete an action created through the API',
      tags: ['actions'],
      access: { permission: PERMISSIONS.actionsManage },
      responses: { '204': { description: 'Deleted' }, '404': problem('Unknown action'), '409': problem('Owned by a plugin') },
      handler: async ({ params }) => {
        await runner.deleteApiAction(params.id);
        return { status: 204 };
      },
    }),
    defineRoute<{ entity?: EntityRef; inputs?: Record<string, unknown>; idempotencyKey?: string }>({
      method: 'post',
      path: '/actions/{id}/runs',
      operationId: 'startRun',
      summary: 'Run an action',
      tags: ['runs'],
      access: { permission: PERMISSIONS.actionsRun, orOwner: RUNNERS },
      body: { type: 'object', additionalProperties: false, properties: { entity: entityRef, inputs: { type: 'object', default: {} }, idempotencyKey: { type: 'string', minLength: 1, maxLength: 200 } } },
      responses: {
        '201': { description: 'Run created', schema: runSchema },
        '200': { description: 'The run created earlier with this idempotency key', schema: runSchema },
        '400': problem('Invalid inputs, or the action is not offered on this entity'),
        '403': problem('The caller lacks the permission the action needs'),
        '404': problem('Unknown action or entity'),
      },
      handler: async ({ params, body, identity, req }) => {
        const idempotencyKey = body.idempotencyKey ?? req.get('idempotency-key') ?? undefined;
        await requireStart(runner, params.id, body.entity ?? null, identity);
        const { run, created } = await runner.startRunDetailed({ actionId: params.id, entity: body.entity ?? null, inputs: body.inputs ?? {}, actor: identity.id, idempotencyKey });
        return { status: created ? 201 : 200, headers: { location: `/api/v1/runs/${run.id}` }, body: run };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/runs',
      operationId: 'listRuns',
      summary: 'List runs, newest first',
      tags: ['runs'],
      access: { signedIn: 'Lists the caller\'s own runs, or every run with runs.read' },
      query: {
        actionId: { schema: { type: 'string' } },
        status: { schema: { type: 'string', enum: [...ALL_STATUSES] } },
        entity: { description: '`<kind>:<id>`', schema: { type: 'string' } },
        actor: { schema: { type: 'string' } },
        limit: { schema: { type: 'integer', minimum: 1, maximum: 200 } },
        cursor: { schema: { type: 'string' } },
      },
      responses: { '200': { description: 'A page of runs', schema: { type: 'object', properties: { items: { type: 'array', items: runSchema }, nextCursor: { type: ['string', 'null'] } } } } },
      handler: async ({ query, identity }) => {
        const status = query.status ? String(query.status) : undefined;
        if (status && !ALL_STATUSES.includes(status as RunStatus)) throw new ValidationError(`Unknown status "${status}".`, [{ pointer: '/status', message: `must be one of ${ALL_STATUSES.join(', ')}` }]);
        const limit = query.limit === undefined ? 50 : Number(query.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new ValidationError('The limit must be an integer from 1 to 200.', [{ pointer: '/limit', message: 'must be an integer from 1 to 200' }]);
        const cursor = query.cursor ? String(query.cursor) : undefined;
        if (cursor && !/^run_[0-9a-z]+$/.test(cursor)) throw new ValidationError('The cursor is not one this API gave out.', [{ pointer: '/cursor', message: 'is invalid' }]);
        if (!hasPermission(identity, PERMISSIONS.runsRead) && query.actor && String(query.actor) !== identity.id) return { body: { items: [], nextCursor: null } };
        const page = await runner.listRuns({
          actionId: query.actionId ? String(query.actionId) : undefined,
          status: status as RunStatus | undefined,
          entity: parseEntity(query.entity, 'entity'),
          // Without runs.read a caller lists its own runs only.
          actor: hasPermission(identity, PERMISSIONS.runsRead) ? (query.actor ? String(query.actor) : undefined) : identity.id,
          limit,
          cursor,
        });
        return { body: page };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/runs/{id}',
      operationId: 'getRun',
      summary: 'Get a run',
      tags: ['runs'],
      access: { signedIn: 'The caller\'s own runs, or any with runs.read' },
      responses: { '200': { description: 'The run', schema: runSchema }, '404': problem('Unknown run') },
      handler: async ({ params, identity }) => ({ body: await readableRun(runner, params.id, identity) }),
    }),
    defineRoute<RunReport>({
      method: 'patch',
      path: '/runs/{id}',
      operationId: 'reportRun',
      summary: 'Report progress, outputs or the outcome of a run (asynchronous webhook receivers and agents)',
      tags: ['runs'],
      access: { permission: PERMISSIONS.runsReport, orOwner: 'the run\'s callback token' },
      body: {
        type: 'object',
        additionalProperties: false,
        properties: {
          status: { enum: ['running', 'succeeded', 'failed'] },
          outputs: { type: 'object' },
          links: { type: 'array', items: { type: 'object', required: ['title', 'url'], properties: { title: { type: 'string' }, url: { type: 'string' } } } },
          progress: { type: 'number', minimum: 0, maximum: 100 },
          error: { type: 'string' },
          affectedEntities: { type: 'array', items: entityRef },
        },
      },
      responses: { '200': { description: 'The run', schema: runSchema },  '404': problem('Unknown run'), '409': problem('The run has ended') },
      handler: async ({ params, body, identity, audit }) => {
        authorizeRunReport(identity, params.id);
        audit({ target: `run:${params.id}`, note: { status: body.status } });
        return { body: await runner.report(params.id, body) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/runs/{id}/logs',
      operationId: 'getRunLogs',
      summary: 'The run log: JSON, or Server-Sent Events (replay, then live) with Accept: text/event-stream',
      tags: ['runs'],
      access: { signedIn: 'The caller\'s own runs, or any with runs.read' },
      query: { after: { description: 'Only entries after this log id', schema: { type: 'string' } } },
      responses: { '200': { description: 'Log entries', schema: { type: 'object', properties: { items: { type: 'array' } } } }, '404': problem('Unknown run') },
      handler: async ({ params, query, req, res, identity }) => {
        await readableRun(runner, params.id, identity);
        const after = query.after ? String(query.after) : undefined;
        if (after !== undefined && !isLogEntryId(after)) {
          throw new ValidationError(`The query parameter "after" must be a log entry id such as 1700000000000-0 (the "id" of an entry this route returned), not "${after.slice(0, 60)}".`, [{ pointer: '/query/after', message: 'must be a log entry id like 1700000000000-0' }]);
        }
        const items = await runner.readLogs(params.id, { after });
        if (!String(req.get('accept') ?? '').includes('text/event-stream')) return { body: { items } };
        await streamRunLogs(runner, params.id, items, req, res);
        return undefined;
      },
    }),
    defineRoute<{ level?: 'debug' | 'info' | 'warn' | 'error'; message?: string; lines?: Array<{ level?: 'debug' | 'info' | 'warn' | 'error'; message: string; fields?: Record<string, unknown> }> }>({
      method: 'post',
      path: '/runs/{id}/logs',
      operationId: 'appendRunLogs',
      summary: 'Append lines to a running run log (asynchronous webhook receivers and agents)',
      tags: ['runs'],
      access: { permission: PERMISSIONS.runsReport, orOwner: 'the run\'s callback token' },
      body: {
        type: 'object',
        additionalProperties: false,
        properties: {
          level: { enum: ['debug', 'info', 'warn', 'error'] },
          message: { type: 'string', maxLength: 10000 },
          lines: { type: 'array', maxItems: 1000, items: { type: 'object', required: ['message'], additionalProperties: false, properties: { level: { enum: ['debug', 'info', 'warn', 'error'] }, message: { type: 'string', maxLength: 10000 }, fields: { type: 'object' } } } },
        },
      },
      responses: { '201': { description: 'Appended', schema: { type: 'object', properties: { ids: { type: 'array', items: { type: 'string' } } } } },  '409': problem('The run has ended') },
      handler: async ({ params, body, identity }) => {
        authorizeRunReport(identity, params.id);
        const lines = [...(body.message !== undefined ? [{ level: body.level, message: body.message }] : []), ...(body.lines ?? [])];
        if (lines.length === 0) throw new ValidationError('Send "message" or "lines".', [{ pointer: '/lines', message: 'is required' }]);
        return { status: 201, body: { ids: await runner.appendLogs(params.id, lines) } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/runs/{id}/cancel',
      operationId: 'cancelRun',
      summary: 'Cancel a run (a running handler sees its AbortSignal fire)',
      tags: ['runs'],
      access: { permission: PERMISSIONS.runsCancel, orOwner: 'the run\'s actor' },
      responses: { '200': { description: 'The cancelled run', schema: runSchema }, '404': problem('Unknown run'), '409': problem('The run has ended') },
      handler: async ({ params, identity, audit }) => {
        authorizeRunCancel(identity, await readableRun(runner, params.id, identity));
        audit({ target: `run:${params.id}` });
        return { body: await runner.cancelRun(params.id, identity.id) };
      },
    }),
    defineRoute<{ decision: 'approve' | 'decline'; comment?: string }>({
      method: 'post',
      path: '/runs/{id}/approval',
      operationId: 'decideRun',
      summary: 'Approve or decline a run waiting for approval',
      tags: ['runs'],
      access: { signedIn: 'Approvers named by the action\'s approval policy' },
      body: { type: 'object', required: ['decision'], additionalProperties: false, properties: { decision: { enum: ['approve', 'decline'] }, comment: { type: 'string', maxLength: 2000 } } },
      responses: { '200': { description: 'The run', schema: runSchema }, '403': problem('Not an approver'), '404': problem('Unknown run'), '409': problem('Not waiting for approval') },
      handler: async ({ params, body, identity }) => ({ body: await runner.decide(params.id, identity, body.decision, body.comment) }),
    }),
    defineRoute({
      method: 'get',
      path: '/automations',
      operationId: 'listAutomations',
      summary: 'List automations (plugin automations with function conditions show them as "function")',
      tags: ['automations'],
      access: { permission: PERMISSIONS.automationsRead },
      responses: { '200': { description: 'Automations', schema: { type: 'object', properties: { items: { type: 'array' } } } } },
      handler: async () => {
        const items = (await runner.automations.list()).map(({ definition, owner, createdBy }) => ({
          ...definition,
          condition: typeof definition.condition === 'function' ? 'function' : definition.condition,
          inputs: typeof definition.inputs === 'function' ? 'function' : definition.inputs,
          owner,
          runsAs: owner === 'api' ? (createdBy ?? null) : `plugin:${owner}`,
        }));
        return { body: { items } };
      },
    }),
    defineRoute<AutomationDefinition>({
      method: 'post',
      path: '/automations',
      operationId: 'createAutomation',
      summary: 'Create or replace an automation: run an action on entity events, finished runs or expired timers',
      tags: ['automations'],
      access: { permission: PERMISSIONS.automationsManage },
      body: {
        type: 'object',
        required: ['id', 'on', 'action'],
        additionalProperties: false,
        properties: {
          id: { type: 'string' },
          on: { enum: ['entity.created', 'entity.updated', 'entity.deleted', 'run.finished', 'timer.expired'] },
          kind: { type: 'string' },
          actionId: { type: 'string' },
          condition: { type: 'object' },
          action: { type: 'string' },
          inputs: { type: 'object' },
          actor: { type: 'string', description: 'Refused with a 400: an automation runs as the identity that creates it' },
        },
      },
      responses: { '201': { description: 'Created', schema: { type: 'object' } }, '400': problem('Invalid automation'), '409': problem('Owned by a plugin') },
      handler: async ({ body, identity }) => ({ status: 201, body: { ...(await runner.automations.createFromApi(body, identity.id)), owner: 'api', createdBy: identity.id } }),
    }),
    defineRoute({
      method: 'delete',
      path: '/automations/{id}',
      operationId: 'deleteAutomation',
      summary: 'Delete an automation created through the API',
      tags: ['automations'],
      access: { permission: PERMISSIONS.automationsManage },
      responses: { '204': { description: 'Deleted' }, '404': problem('Unknown automation'), '409': problem('Owned by a plugin') },
      handler: async ({ params }) => {
        await runner.automations.deleteFromApi(params.id);
        return { status: 204 };
      },
    }),
    defineRoute<{ inputs?: Record<string, unknown>; idempotencyKey?: string }>({
      method: 'post',
      path: '/runs/{id}/rerun',
      operationId: 'rerunRun',
      summary: 'Run the action again with the same inputs (secret inputs must be given again)',
      tags: ['runs'],
      access: { permission: PERMISSIONS.actionsRun, orOwner: RUNNERS },
      body: { type: 'object', additionalProperties: false, properties: { inputs: { type: 'object' }, idempotencyKey: { type: 'string', minLength: 1, maxLength: 200 } } },
      responses: { '201': { description: 'The new run', schema: runSchema }, '403': problem('The caller lacks the permission the action needs'), '404': problem('Unknown run') },
      handler: async ({ params, body, identity }) => {
        const previous = await readableRun(runner, params.id, identity);
        await requireStart(runner, previous.actionId, previous.entity, identity);
        const { run, created } = await runner.rerun(params.id, identity.id, body.inputs ?? {}, body.idempotencyKey);
        return { status: created ? 201 : 200, headers: { location: `/api/v1/runs/${run.id}` }, body: run };
      },
    }),
  ];
}
