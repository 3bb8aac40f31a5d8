import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

function describe(error: ErrorObject): string {
  const where = error.instancePath ? `conf${error.instancePath.replace(/\//g, '.')}` : 'conf';
  if (error.keyword === 'required') return `${where}.${(error.params as { missingProperty: string }).missingProperty} is required`;
  if (error.keyword === 'additionalProperties') return `${where}.${(error.params as { additionalProperty: string }).additionalProperty} is not allowed`;
  if (error.keyword === 'enum') return `${where} must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  return `${where} ${error.message ?? 'is invalid'}`;
}

/**
 * Checks a run's `conf` against the JSON Schema its DAG declares. Returns the problems, one
 * sentence each naming the field (empty when it conforms). A schema that does not compile is
 * the DAG owner's mistake, and says so.
 */
export function confProblems(schema: Record<string, unknown> | undefined, conf: unknown): string[] {
  if (!schema) return [];
  let validate;
  try {
    validate = ajv.compile(schema);
  } catch (error) {
    return [`the DAG's conf schema is not a valid JSON Schema (${(error as Error).message}); its owners must fix the DAG's confSchema`];
  }
  return validate(conf) ? [] : (validate.errors ?? []).map(describe);
}
