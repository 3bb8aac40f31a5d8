import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ValidationError, type FieldProblem, type JsonSchema } from '@portico/plugin-api';

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

/** Turns ajv errors into field problems with JSON pointers. */
export function toFieldProblems(errors: ErrorObject[] | null | undefined): FieldProblem[] {
  return (errors ?? []).map(describe);
}

/** One ajv instance (draft 2020-12 with formats) and a cache of compiled schemas. */
export class SchemaValidator {
  private readonly ajv: Ajv2020;
  private readonly cache = new WeakMap<object, ValidateFunction>();

  constructor(options: { formats?: Record<string, true | RegExp | ((value: string) => boolean)> } = {}) {
    this.ajv = new Ajv2020({ allErrors: true, strict: false, useDefaults: true, coerceTypes: false });
    addFormats(this.ajv);
    for (const [name, format] of Object.entries(options.formats ?? {})) this.ajv.addFormat(name, format);
  }

  compile(schema: JsonSchema): ValidateFunction {
    let validate = this.cache.get(schema);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.cache.set(schema, validate);
    }
    return validate;
  }

  /** Checks `schema` itself; returns problems (pointer into the schema) instead of throwing. */
  checkSchema(schema: unknown): FieldProblem[] {
    try {
      this.ajv.compile(schema as object);
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
