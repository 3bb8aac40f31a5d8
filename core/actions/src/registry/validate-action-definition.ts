import { ValidationError, type ActionDefinition, type FieldProblem, type WebhookInvocation } from '@portico/plugin-api';
import type { SchemaValidator } from '@portico/http';
import { undeclaredSecretProblems } from '../invocations/template-secrets';

const ID = /^[a-z0-9][a-z0-9._-]{0,127}$/;
const OPERATIONS = ['create', 'day-2', 'delete'];

/** Checks a definition before it is registered, naming every bad field. */
export function validateActionDefinition(definition: ActionDefinition, validator: SchemaValidator, origin: string): void {
  const problems: FieldProblem[] = [];
  const d = definition as unknown as Record<string, unknown>;
  if (typeof d.id !== 'string' || !ID.test(d.id)) problems.push({ pointer: '/id', message: 'must be lower-case letters, digits, ".", "_" or "-" (at most 128)' });
  if (typeof d.title !== 'string' || !d.title.trim()) problems.push({ pointer: '/title', message: 'is required' });
  if (!OPERATIONS.includes(d.operation as string)) problems.push({ pointer: '/operation', message: `must be one of ${JSON.stringify(OPERATIONS)}` });
  if (d.kind !== undefined && typeof d.kind !== 'string') problems.push({ pointer: '/kind', message: 'must be a kind id' });
  if (!d.inputSchema || typeof d.inputSchema !== 'object') problems.push({ pointer: '/inputSchema', message: 'must be a JSON Schema object' });
  else {
    for (const p of validator.checkSchema(d.inputSchema)) problems.push({ pointer: `/inputSchema${p.pointer === '/' ? '' : p.pointer}`, message: p.message });
    const schema = d.inputSchema as { type?: unknown };
    if (schema.type !== undefined && schema.type !== 'object') problems.push({ pointer: '/inputSchema/type', message: 'must be "object": inputs are a JSON object' });
  }
  if (d.condition !== undefined) {
    const c = d.condition as { combinator?: unknown; rules?: unknown };
    if (!c || (c.combinator !== 'and' && c.combinator !== 'or') || !Array.isArray(c.rules)) problems.push({ pointer: '/condition', message: 'must be a query filter {combinator: "and"|"or", rules: [...]}' });
  }
  if (d.timeoutMs !== undefined && !(Number.isInteger(d.timeoutMs) && (d.timeoutMs as number) > 0)) problems.push({ pointer: '/timeoutMs', message: 'must be a positive integer' });
  if (d.retry !== undefined) {
    const r = d.retry as { attempts?: unknown; backoffMs?: unknown };
    if (!r || !Number.isInteger(r.attempts) || (r.attempts as number) < 1 || (r.attempts as number) > 20) problems.push({ pointer: '/retry/attempts', message: 'must be an integer from 1 to 20' });
    if (r?.backoffMs !== undefined && !(Number.isInteger(r.backoffMs) && (r.backoffMs as number) >= 0)) problems.push({ pointer: '/retry/backoffMs', message: 'must be a non-negative integer' });
  }
  if (d.approval !== undefined) {
    const a = d.approval as { users?: unknown; teams?: unknown; mode?: unknown };
    const users = a?.users ?? [];
    const teams = a?.teams ?? [];
    if (!Array.isArray(users) || users.some((u) => typeof u !== 'string')) problems.push({ pointer: '/approval/users', message: 'must be a list of user ids' });
    if (!Array.isArray(teams) || teams.some((t) => typeof t !== 'string')) problems.push({ pointer: '/approval/teams', message: 'must be a list of team ids' });
    if (Array.isArray(users) && Array.isArray(teams) && users.length + teams.length === 0) problems.push({ pointer: '/approval', message: 'must name at least one approver user or team' });
    if (a?.mode !== undefined && a.mode !== 'any' && a.mode !== 'all') problems.push({ pointer: '/approval/mode', message: 'must be "any" or "all"' });
    if ((a as { allowSelfApproval?: unknown })?.allowSelfApproval !== undefined && typeof (a as { allowSelfApproval?: unknown }).allowSelfApproval !== 'boolean') problems.push({ pointer: '/approval/allowSelfApproval', message: 'must be true or false' });
  }
  const secretsListed = d.secrets === undefined || (Array.isArray(d.secrets) && d.secrets.every((name) => typeof name === 'string' && name.length > 0));
  if (!secretsListed) problems.push({ pointer: '/secrets', message: 'must be a list of secret names' });
  const inv = d.invocation as Record<string, unknown> | undefined;
  if (!inv || typeof inv !== 'object') problems.push({ pointer: '/invocation', message: 'is required' });
  else if (inv.type === 'handler') {
    if (typeof inv.handler !== 'function') problems.push({ pointer: '/invocation/handler', message: 'must be a function' });
  } else if (inv.type === 'webhook') {
    let url: URL | null = null;
    try {
      url = new URL(String(inv.url));
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) problems.push({ pointer: '/invocation/url', message: 'must be an http(s) URL' });
    if (inv.method !== undefined && !['POST', 'PUT', 'PATCH', 'DELETE'].includes(inv.method as string)) problems.push({ pointer: '/invocation/method', message: 'must be POST, PUT, PATCH or DELETE' });
    if (inv.mode !== undefined && inv.mode !== 'sync' && inv.mode !== 'async') problems.push({ pointer: '/invocation/mode', message: 'must be "sync" or "async"' });
    if (inv.secret !== undefined && typeof inv.secret !== 'string') problems.push({ pointer: '/invocation/secret', message: 'must be a secret name' });
    if (inv.headers !== undefined && (typeof inv.headers !== 'object' || Object.values(inv.headers as object).some((v) => typeof v !== 'string'))) problems.push({ pointer: '/invocation/headers', message: 'must map header names to strings' });
    // A template reaches only the secrets the action lists, so defining an action cannot exfiltrate others.
    if (secretsListed) problems.push(...undeclaredSecretProblems(inv as unknown as WebhookInvocation, d.secrets as string[] | undefined));
  } else if (inv.type === 'agent') {
    if (typeof inv.queue !== 'string' || !/^[A-Za-z0-9._-]{1,100}$/.test(inv.queue)) problems.push({ pointer: '/invocation/queue', message: 'must be a queue name (letters, digits, ".", "_", "-")' });
  } else problems.push({ pointer: '/invocation/type', message: 'must be "handler", "webhook" or "agent"' });
  if (problems.length > 0) {
    throw new ValidationError(`Action "${String(d.id)}" from ${origin} is invalid: ${problems[0].pointer} ${problems[0].message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}.`, problems);
  }
}
