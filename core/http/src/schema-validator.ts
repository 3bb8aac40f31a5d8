import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ValidationError, type FieldProblem, type JsonSchema } from '@portico/plugin-api';
import { linearPatternProblem, linearRegExp } from './linear-regexp';

/** Keywords whose values are data, not schemas: patterns inside them are not patterns. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'example']);

function escapeStep(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Every `pattern` and `patternProperties` key in a schema that the linear-time engine refuses, by pointer. */
function unsupportedPatterns(schema: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const refuse = (pointer: string, pattern: string, why: string): void => {
    problems.push({ pointer, message: `the pattern ${JSON.stringify(pattern)} cannot be used: ${why}. Patterns run on a linear-time engine (RE2), which has no backreferences or lookaround; rewrite it without them` });
  };
  const stack: Array<{ value: unknown; pointer: string }> = [{ value: schema, pointer: '' }];
  while (stack.length) {
    const { value, pointer } = stack.pop()!;
    if (!value || typeof value !== 'object') continue;
    for (const [key, child] of Object.entries(value)) {
      const at = `${pointer}/${escapeStep(key)}`;
      if (!Array.isArray(value) && DATA_KEYWORDS.has(key)) continue;
      if (!Array.isArray(value) && key === 'pattern' && typeof child === 'string') {
        const why = linearPatternProblem(child);
        if (why) refuse(at, child, why);
        continue;
      }
      if (!Array.isArray(value) && key === 'patternProperties' && child && typeof child === 'object') {
        for (const name of Object.keys(child)) {
          const why = linearPatternProblem(name);
          if (why) refuse(`${at}/${escapeStep(name)}`, name, why);
        }
      }
      stack.push({ value: child, pointer: at });
    }
  }
  return problems;
}

function describe(error: ErrorObject): FieldProblem {
  let pointer = error.instancePath || '';
  let message = error.message ?? 'is invalid';
  if (error.keyword === 'required') {
    pointer = `${pointer}/${(error.params as { missingProperty: string }).missingProperty}`;
    message = 'is required';
  } else if (error.keyword === 'additionalProperties') {
    pointer = `${pointer}/${(error.params as { additionalProperty: string }).additionalProperty}`;
    message = 'is not an allowed property';
  } else if (error.keyword === 'enum') {
    message = `must be one of ${JSON.stringify((error.params as { allowedValues: unknown[] }).allowedValues)}`;
  }
  return { pointer: pointer || '/', message };
}

/**
 * Turns ajv errors into field problems with JSON pointers.
 * @public
 */
export function toFieldProblems(errors: ErrorObject[] | null | undefined): FieldProblem[] {
  return (errors ?? []).map(describe);
}

/**
 * One ajv instance (draft 2020-12 with formats) and a cache of compiled schemas. Every ajv in
 * Portico is made here, so every schema's `pattern` runs on the linear-time RE2 engine.
 * @public
 */
export class SchemaValidator {
  private readonly ajv: Ajv2020;
  private readonly cache = new WeakMap<object, ValidateFunction>();
  // ajv keeps every schema object it compiled; the same schema written again (a plugin loaded
  // again, a kind re-registered) reuses the first compilation instead of growing ajv for ever.
  private readonly byText = new Map<string, ValidateFunction>();

  constructor(options: { formats?: Record<string, true | RegExp | ((value: string) => boolean)> } = {}) {
    this.ajv = new Ajv2020({ allErrors: true, strict: false, useDefaults: true, coerceTypes: false, code: { regExp: linearRegExp } });
    addFormats(this.ajv);
    for (const [name, format] of Object.entries(options.formats ?? {})) this.ajv.addFormat(name, format);
  }

  compile(schema: JsonSchema): ValidateFunction {
    let validate = this.cache.get(schema);
    if (!validate) {
      const text = JSON.stringify(schema);
      validate = this.byText.get(text);
      if (!validate) {
        validate = this.ajv.compile(schema);
        this.byText.set(text, validate);
      }
      this.cache.set(schema, validate);
    }
    return validate;
  }

  /**
   * Checks `schema` itself; returns problems (pointer into the schema) instead of throwing.
   * A pattern the linear-time engine cannot run is named with its pointer.
   */
  checkSchema(schema: unknown): FieldProblem[] {
    const patterns = unsupportedPatterns(schema);
    if (patterns.length) return patterns;
    try {
      this.compile(schema as JsonSchema);
      return [];
    } catch (error) {
      return [{ pointer: '/', message: (error as Error).message }];
    }
  }

  /** Validates (applying defaults in place) and throws a 400 ValidationError naming each bad field. */
  assert(schema: JsonSchema, value: unknown, what: string, pointerPrefix = ''): void {
    const validate = this.compile(schema);
    if (!validate(value)) {
      const problems = toFieldProblems(validate.errors).map((p) => ({ ...p, pointer: `${pointerPrefix}${p.pointer === '/' ? '' : p.pointer}` || '/' }));
      const first = problems[0];
      throw new ValidationError(`${what} is invalid: ${first.pointer} ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}.`, problems);
    }
  }
}
