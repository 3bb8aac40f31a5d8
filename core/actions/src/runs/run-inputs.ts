import { ValidationError, type CatalogService, type FieldProblem, type JsonSchema, type QueryFilter } from '@portico/plugin-api';

/** What replaces a secret input's value in the stored run, its log and the API. */
export const REDACTED = '[redacted]';

/** Top-level inputs that are secrets: `format: 'secret'` or `writeOnly: true`. */
export function secretInputNames(schema: JsonSchema): string[] {
  return Object.entries(schema.properties ?? {})
    .filter(([, s]) => s && (s.format === 'secret' || s.writeOnly === true))
    .map(([name]) => name);
}

/** Splits inputs into what the run shows (secrets redacted) and the secret values kept apart. */
export function splitSecretInputs(schema: JsonSchema, inputs: Record<string, unknown>): { visible: Record<string, unknown>; secrets: Record<string, unknown> } {
  const visible = { ...inputs };
  const secrets: Record<string, unknown> = {};
  for (const name of secretInputNames(schema)) {
    if (name in inputs) {
      secrets[name] = inputs[name];
      visible[name] = REDACTED;
    }
  }
  return { visible, secrets };
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
