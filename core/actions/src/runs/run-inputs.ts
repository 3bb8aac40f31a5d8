import { ValidationError, type CatalogService, type FieldProblem, type JsonSchema, type QueryFilter } from '@portico/plugin-api';

/**
 * What replaces a secret input's value in the stored run, its log and the API.
 * @public
 */
export const REDACTED = '[redacted]';

function isSecretSchema(schema: JsonSchema): boolean {
  return schema.format === 'secret' || schema.writeOnly === true;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointer(part: string): string {
  return part.replace(/~1/g, '/').replace(/~0/g, '~');
}

function asSchema(value: unknown): JsonSchema | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonSchema) : undefined;
}

/** The schema that applies to one property of an object: `properties`, then `patternProperties`, then `additionalProperties`. */
function propertySchema(schema: JsonSchema, key: string): JsonSchema | undefined {
  const named = schema.properties?.[key];
  if (named) return named;
  for (const [pattern, sub] of Object.entries(asSchema(schema.patternProperties) ?? {})) {
    try {
      if (new RegExp(pattern, 'u').test(key)) return asSchema(sub);
    } catch {
      // An invalid pattern was refused when the action was registered.
    }
  }
  return asSchema(schema.additionalProperties);
}

/** The schema of array element `index`: `prefixItems` first, then `items`. */
function itemSchema(schema: JsonSchema, index: number): JsonSchema | undefined {
  const prefix = Array.isArray(schema.prefixItems) ? (schema.prefixItems as unknown[]) : [];
  if (index < prefix.length) return asSchema(prefix[index]);
  return asSchema(schema.items);
}

/**
 * A copy of `value` with every value a secret schema describes replaced by REDACTED, at any
 * depth (objects, arrays, and the branches of allOf/anyOf/oneOf: a secret in any branch
 * counts, so a value is never shown because another branch did not call it secret).
 * `found` collects the secret values by JSON pointer.
 */
function redact(schema: JsonSchema | undefined, value: unknown, pointer: string, found: Record<string, unknown>): unknown {
  if (!schema || value === undefined) return value;
  if (isSecretSchema(schema)) {
    found[pointer] = value;
    return REDACTED;
  }
  let out: unknown = value;
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = Array.isArray(schema[keyword]) ? (schema[keyword] as unknown[]) : [];
    for (const branch of branches) out = redact(asSchema(branch), out, pointer, found);
  }
  if (Array.isArray(out)) return out.map((item, i) => redact(itemSchema(schema, i), item, `${pointer}/${i}`, found));
  if (out && typeof out === 'object') {
    return Object.fromEntries(Object.entries(out).map(([key, item]) => [key, redact(propertySchema(schema, key), item, `${pointer}/${escapePointer(key)}`, found)]));
  }
  return out;
}

/**
 * Splits inputs into what the run shows (secret values redacted at any depth) and the
 * secret values kept apart, keyed by the JSON pointer of their place in the inputs.
 */
export function splitSecretInputs(schema: JsonSchema, inputs: Record<string, unknown>): { visible: Record<string, unknown>; secrets: Record<string, unknown> } {
  const secrets: Record<string, unknown> = {};
  const visible = redact(schema, inputs, '', secrets) as Record<string, unknown>;
  return { visible, secrets };
}

function pointerParts(key: string): string[] {
  // Runs stored before nested redaction keyed their secrets by top-level name.
  return key.startsWith('/') ? key.slice(1).split('/').map(unescapePointer) : [key];
}

/** The value at a JSON pointer, or undefined. */
export function valueAt(root: unknown, key: string): unknown {
  let value: unknown = root;
  for (const part of pointerParts(key)) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Sets (or, with `undefined`, removes) the value at a JSON pointer of `root`, in place. */
function setAt(root: Record<string, unknown>, key: string, value: unknown): void {
  const parts = pointerParts(key);
  let parent: unknown = root;
  for (const part of parts.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') return;
    parent = (parent as Record<string, unknown>)[part];
  }
  if (parent === null || typeof parent !== 'object') return;
  const last = parts[parts.length - 1];
  if (value !== undefined) (parent as Record<string, unknown>)[last] = value;
  else if (Array.isArray(parent)) parent[Number(last)] = null;
  else delete (parent as Record<string, unknown>)[last];
}

/** The inputs a handler or webhook gets: the visible ones with the secret values put back in place. */
export function restoreSecretInputs(visible: Record<string, unknown>, secrets: Record<string, unknown>): Record<string, unknown> {
  const inputs = structuredClone(visible);
  for (const [key, value] of Object.entries(secrets)) setAt(inputs, key, value);
  return inputs;
}

/**
 * For a re-run: the previous run's visible inputs with each redacted value replaced by the
 * one given again at the same place in `given`, or dropped (then validation says it is missing).
 */
export function inputsForRerun(schema: JsonSchema, previous: Record<string, unknown>, given: Record<string, unknown>): Record<string, unknown> {
  const { secrets: redacted } = splitSecretInputs(schema, previous);
  const inputs = structuredClone(previous);
  for (const key of Object.keys(redacted)) setAt(inputs, key, valueAt(given, key));
  return inputs;
}

/** Entity-picker input: `{ type: 'string', format: 'entity', 'x-portico-entity': { kind, filter? } }`. */
export interface EntityPicker {
  kind: string;
  filter?: QueryFilter;
}

/** Checks that each entity-picker input names an entity its query allows. */
export async function checkEntityPickers(schema: JsonSchema, inputs: Record<string, unknown>, catalog: CatalogService): Promise<void> {
  const problems: FieldProblem[] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const picker = property?.['x-portico-entity'] as EntityPicker | undefined;
    const value = inputs[name];
    if (!picker || value === undefined || value === null) continue;
    for (const [i, id] of (Array.isArray(value) ? value : [value]).entries()) {
      const pointer = Array.isArray(value) ? `/inputs/${name}/${i}` : `/inputs/${name}`;
      if (typeof id !== 'string') {
        problems.push({ pointer, message: `must be the id of a ${picker.kind} entity` });
        continue;
      }
      const rules: QueryFilter['rules'] = [{ property: 'id', operator: '=', value: id }];
      if (picker.filter) rules.push(picker.filter);
      const found = await catalog.query({ kind: picker.kind, filter: { combinator: 'and', rules }, limit: 1 });
      if (found.items.length === 0) problems.push({ pointer, message: `must name a ${picker.kind} entity this input allows; "${id}" is not one` });
    }
  }
  if (problems.length > 0) throw new ValidationError(`The inputs are invalid: ${problems[0].pointer} ${problems[0].message}.`, problems);
}
