import Ajv from 'ajv';
import type { JsonSchema } from '@portico/plugin-api';

const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: true });

/** Where and how parameters miss the template's schema, as `/field: problem` phrases (none when they fit). */
export function parameterProblems(schema: JsonSchema, parameters: Record<string, unknown>): string[] {
  const validate = ajv.compile(schema);
  if (validate(parameters)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'is invalid'}`);
}
