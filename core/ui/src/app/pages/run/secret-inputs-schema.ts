import type { JsonSchema } from '@portico/plugin-api';

/** The inputs the runner keeps out of the run (format `secret` or writeOnly): a re-run must be given them again. */
export function secretInputsSchema(schema: JsonSchema | undefined): JsonSchema | null {
  const secret = Object.entries(schema?.properties ?? {}).filter(([, property]) => property && (property.format === 'secret' || property.writeOnly === true));
  if (secret.length === 0) return null;
  const names = new Set(secret.map(([name]) => name));
  return { type: 'object', required: (schema?.required ?? []).filter((name) => names.has(name)), properties: Object.fromEntries(secret) };
}
