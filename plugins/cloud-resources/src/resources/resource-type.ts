import Ajv, { type ValidateFunction } from 'ajv';
import type { CloudConfig, ResourceTypeConfig } from '../config/cloud-config';

export function resourceType(config: CloudConfig, type: string): ResourceTypeConfig {
  const found = config.resourceTypes.find((t) => t.type === type);
  if (!found) throw new Error(`No resource type "${type}" is configured; the cloud plugin's resourceTypes are: ${config.resourceTypes.map((t) => t.type).join(', ') || 'none'}.`);
  return found;
}

const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const compiled = new Map<string, ValidateFunction>();

/** Checks a resource's variables against its type's form schema; the message names each field and what is wrong. */
export function checkVariables(type: ResourceTypeConfig, variables: Record<string, unknown>): void {
  let validate = compiled.get(type.type);
  if (!validate) compiled.set(type.type, (validate = ajv.compile(type.variables)));
  if (validate(variables)) return;
  const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
  throw new Error(`The variables do not fit a ${type.title}: ${problems.join('; ')}. Nothing was changed.`);
}

/** The provision form: the type, then that type's own variables (JSON Schema `if`/`then` per type). */
export function provisionVariablesSchema(config: CloudConfig): Record<string, unknown>[] {
  return config.resourceTypes.map((t) => ({ if: { properties: { type: { const: t.type } }, required: ['type'] }, then: { properties: { variables: { ...t.variables, title: `${t.title} settings` } } } }));
}
