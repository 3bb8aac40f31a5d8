import type { FieldProblem, WebhookInvocation } from '@portico/plugin-api';

const SECRET = /\{\{\s*secrets\.([A-Za-z0-9_$-]+)\s*\}\}/g;

/** One `{{secrets.name}}` in a template, and where it is (a JSON pointer into the action definition). */
export interface SecretReference {
  name: string;
  pointer: string;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Every secret a template references, walking objects and arrays (keys too: a key could carry one). */
export function secretReferences(template: unknown, pointer: string): SecretReference[] {
  if (typeof template === 'string') return [...template.matchAll(SECRET)].map((m) => ({ name: m[1], pointer }));
  if (Array.isArray(template)) return template.flatMap((item, i) => secretReferences(item, `${pointer}/${i}`));
  if (template && typeof template === 'object') {
    return Object.entries(template).flatMap(([key, value]) => [...secretReferences(key, `${pointer}/${escapePointer(key)}`), ...secretReferences(value, `${pointer}/${escapePointer(key)}`)]);
  }
  return [];
}

/** The secrets a webhook call reads: those its body and headers reference, and its signing secret. */
export function webhookSecretReferences(invocation: WebhookInvocation): SecretReference[] {
  return [
    ...secretReferences(invocation.body, '/invocation/body'),
    ...secretReferences(invocation.headers, '/invocation/headers'),
    ...(typeof invocation.secret === 'string' ? [{ name: invocation.secret, pointer: '/invocation/secret' }] : []),
  ];
}

/** One problem per reference to a secret the action does not list in `secrets`. */
export function undeclaredSecretProblems(invocation: WebhookInvocation, declared: readonly string[] | undefined): FieldProblem[] {
  const allowed = new Set(declared ?? []);
  return webhookSecretReferences(invocation)
    .filter((ref) => !allowed.has(ref.name))
    .map((ref) => ({ pointer: ref.pointer, message: `uses the secret "${ref.name}", which the action does not list in "secrets": add it there (only holders of actions.manage define actions) or remove the reference` }));
}
