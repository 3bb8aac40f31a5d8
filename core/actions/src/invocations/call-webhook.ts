import type { Entity, Run, SecretsService, WebhookInvocation } from '@portico/plugin-api';
import { renderTemplate } from './render-template';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from './webhook-signature';
import { webhookSecretReferences } from './template-secrets';
import type { OutboundPolicy } from './outbound-policy';
import { sendOutboundRequest } from './send-outbound-request';

/**
 * The header an asynchronous receiver finds its run's callback token in.
 * @public
 */
export const CALLBACK_TOKEN_HEADER = 'X-Portico-Callback-Token';

export interface WebhookCall {
  invocation: WebhookInvocation;
  /** The secrets the action lists; the call refuses a template that reaches any other. */
  declaredSecrets: readonly string[];
  run: Run;
  /** Inputs with secret values restored (the receiver may need them). */
  inputs: Record<string, unknown>;
  entity: Entity | null;
  secrets: SecretsService;
  /** The run's callback token (asynchronous mode), sent in a header and offered to templates. */
  callbackToken?: string;
  policy: OutboundPolicy;
  signal: AbortSignal;
}

export interface WebhookAnswer {
  status: number;
  /** The answer's JSON body, when it had one. */
  json: unknown;
}

/** Sends one webhook request: the body template filled, then signed over timestamp and body. */
export async function callWebhook(call: WebhookCall): Promise<WebhookAnswer> {
  const { invocation, run } = call;
  const references = webhookSecretReferences(invocation);
  // Checked when the action was defined too; a definition stored before that rule, or edited in the store, stops here.
  const undeclared = references.find((ref) => !call.declaredSecrets.includes(ref.name));
  if (undeclared) throw new Error(`The webhook template uses the secret "${undeclared.name}" at ${undeclared.pointer}, which the action does not list in "secrets"; nothing was sent.`);
  const secretValues: Record<string, string> = {};
  for (const { name } of references) {
    const value = await call.secrets.get(name);
    if (value === undefined) throw new Error(name === invocation.secret ? `The webhook signing secret "${name}" is not configured.` : `The webhook template uses secret "${name}", which is not configured.`);
    secretValues[name] = value;
  }
  const scope = {
    inputs: call.inputs,
    entity: call.entity,
    run: { id: run.id, actionId: run.actionId, attempt: run.attempts, ...(call.callbackToken ? { callbackToken: call.callbackToken } : {}) },
    actor: run.actor,
    secrets: secretValues,
  };
  const template = invocation.body ?? { runId: '{{run.id}}', actionId: '{{run.actionId}}', inputs: '{{inputs}}', entity: '{{entity}}', actor: '{{actor}}' };
  const body = JSON.stringify(renderTemplate(template, scope));
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-portico-run-id': run.id };
  for (const [name, value] of Object.entries(invocation.headers ?? {})) headers[name] = String(renderTemplate(value, scope));
  if (call.callbackToken) headers[CALLBACK_TOKEN_HEADER.toLowerCase()] = call.callbackToken;
  if (invocation.secret) {
    const timestamp = String(Math.floor(Date.now() / 1000));
    headers[TIMESTAMP_HEADER] = timestamp;
    headers[SIGNATURE_HEADER] = signWebhook(secretValues[invocation.secret], timestamp, body);
  }
  const answer = await sendOutboundRequest(invocation.url, { method: invocation.method ?? 'POST', headers, body, signal: call.signal }, call.policy);
  let json: unknown = null;
  try {
    json = answer.text ? JSON.parse(answer.text) : null;
  } catch {
    json = null;
  }
  return { status: answer.status, json };
}
