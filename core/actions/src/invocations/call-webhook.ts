import type { Entity, Run, SecretsService, WebhookInvocation } from '@portico/plugin-api';
import { renderTemplate, secretsUsed } from './render-template';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from './webhook-signature';

export interface WebhookCall {
  invocation: WebhookInvocation;
  run: Run;
  /** Inputs with secret values restored (the receiver may need them). */
  inputs: Record<string, unknown>;
  entity: Entity | null;
  secrets: SecretsService;
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
  const secretValues: Record<string, string> = {};
  for (const name of secretsUsed([invocation.body, invocation.headers])) {
    const value = await call.secrets.get(name);
    if (value === undefined) throw new Error(`The webhook template uses secret "${name}", which is not configured.`);
    secretValues[name] = value;
  }
  const scope = { inputs: call.inputs, entity: call.entity, run: { id: run.id, actionId: run.actionId, attempt: run.attempts }, actor: run.actor, secrets: secretValues };
  const template = invocation.body ?? { runId: '{{run.id}}', actionId: '{{run.actionId}}', inputs: '{{inputs}}', entity: '{{entity}}', actor: '{{actor}}' };
  const body = JSON.stringify(renderTemplate(template, scope));
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-portico-run-id': run.id };
  for (const [name, value] of Object.entries(invocation.headers ?? {})) headers[name] = String(renderTemplate(value, scope));
  if (invocation.secret) {
    const key = await call.secrets.get(invocation.secret);
    if (key === undefined) throw new Error(`The webhook signing secret "${invocation.secret}" is not configured.`);
    const timestamp = String(Math.floor(Date.now() / 1000));
    headers[TIMESTAMP_HEADER] = timestamp;
    headers[SIGNATURE_HEADER] = signWebhook(key, timestamp, body);
  }
  const response = await fetch(invocation.url, { method: invocation.method ?? 'POST', headers, body, signal: call.signal });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, json };
}
