import { ValidationError, findForbiddenKey, type FieldProblem, type KindDefinition } from '@portico/plugin-api';
import type { SchemaValidator } from '@portico/http';
import { parseExpression } from '../computed/expression';
import { validateQueryShape } from '../query/compile-query';
import { FIELD_NAME_PATTERN, KIND_ID_PATTERN } from '../model/ids';

const AGGREGATE_FUNCS = ['count', 'sum', 'avg', 'min', 'max'];

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** Checks a kind definition; throws a ValidationError listing every problem with its pointer. */
export function validateKind(kind: unknown, validator: SchemaValidator): asserts kind is KindDefinition {
  const problems: FieldProblem[] = [];
  const add = (pointer: string, message: string): void => {
    problems.push({ pointer, message });
  };
  if (!isObject(kind)) throw new ValidationError('A kind must be an object.', [{ pointer: '/', message: 'must be an object' }]);
  const forbidden = findForbiddenKey(kind);
  if (forbidden) throw new ValidationError(`The key at ${forbidden} is not allowed.`, [{ pointer: forbidden, message: 'forbidden key' }]);
  if (typeof kind.id !== 'string' || !KIND_ID_PATTERN.test(kind.id)) add('/id', `must match ${KIND_ID_PATTERN.source} (lowercase letters, digits and "-", starting with a letter)`);
  if (typeof kind.title !== 'string' || kind.title.trim() === '') add('/title', 'is required (a non-empty string)');
  for (const key of ['description', 'icon', 'ownerKind'] as const) {
    if (kind[key] !== undefined && typeof kind[key] !== 'string') add(`/${key}`, 'must be a string');
  }
  if (typeof kind.ownerKind === 'string' && !KIND_ID_PATTERN.test(kind.ownerKind)) add('/ownerKind', 'must be a kind id');
  if (kind.editable !== undefined && (!Array.isArray(kind.editable) || kind.editable.some((f) => typeof f !== 'string'))) add('/editable', 'must be a list of field names');
  if (kind.allowOverrides !== undefined && typeof kind.allowOverrides !== 'boolean') add('/allowOverrides', 'must be true or false');
  const schema = kind.schema;
  if (!isObject(schema)) add('/schema', 'is required (a JSON Schema object)');
  else {
    if (schema.type !== 'object') add('/schema/type', 'must be "object" (entity properties are an object)');
    if (schema.properties !== undefined && !isObject(schema.properties)) add('/schema/properties', 'must be an object');
    for (const name of Object.keys(isObject(schema.properties) ? schema.properties : {})) {
      if (!FIELD_NAME_PATTERN.test(name)) add(`/schema/properties/${name}`, `is not an allowed property name (must match ${FIELD_NAME_PATTERN.source})`);
    }
    for (const problem of validator.checkSchema(schema)) add(`/schema${problem.pointer === '/' ? '' : problem.pointer}`, problem.message);
  }
  const relations = kind.relations;
  if (relations !== undefined && !isObject(relations)) add('/relations', 'must be an object');
  for (const [name, rel] of Object.entries(isObject(relations) ? relations : {})) {
    const p = `/relations/${name}`;
    if (!FIELD_NAME_PATTERN.test(name)) add(p, `is not an allowed relation name (must match ${FIELD_NAME_PATTERN.source})`);
    if (!isObject(rel)) {
      add(p, 'must be an object');
      continue;
    }
    if (typeof rel.target !== 'string' || !KIND_ID_PATTERN.test(rel.target)) add(`${p}/target`, 'is required (a kind id)');
    for (const key of ['many', 'required'] as const) if (rel[key] !== undefined && typeof rel[key] !== 'boolean') add(`${p}/${key}`, 'must be a boolean');
    for (const key of ['title', 'inverse', 'inverseTitle'] as const) if (rel[key] !== undefined && typeof rel[key] !== 'string') add(`${p}/${key}`, 'must be a string');
    if (typeof rel.inverse === 'string' && !FIELD_NAME_PATTERN.test(rel.inverse)) add(`${p}/inverse`, `must match ${FIELD_NAME_PATTERN.source}`);
  }
  const section = (name: 'mirror' | 'calculation' | 'aggregation'): Array<[string, Record<string, unknown>]> => {
    const value = kind[name];
    if (value === undefined) return [];
    if (!isObject(value)) {
      add(`/${name}`, 'must be an object');
      return [];
    }
    return Object.entries(value).flatMap(([key, def]): Array<[string, Record<string, unknown>]> => {
      if (!FIELD_NAME_PATTERN.test(key)) add(`/${name}/${key}`, `is not an allowed name (must match ${FIELD_NAME_PATTERN.source})`);
      if (!isObject(def)) {
        add(`/${name}/${key}`, 'must be an object');
        return [];
      }
      return [[key, def]];
    });
  };
  for (const [key, def] of section('mirror')) {
    const parts = typeof def.path === 'string' ? def.path.split('.') : [];
    if (parts.length < 2 || parts.some((part) => !/^\$?[A-Za-z_][A-Za-z0-9_]*$/.test(part))) add(`/mirror/${key}/path`, 'must be relation names then a property, e.g. "system.domain.$title"');
    else if (isObject(relations) && !Object.hasOwn(relations, parts[0])) add(`/mirror/${key}/path`, `starts with "${parts[0]}", which is not a relation of this kind`);
  }
  for (const [key, def] of section('calculation')) {
    try {
      parseExpression(def.expression as string);
    } catch (error) {
      add(`/calculation/${key}/expression`, (error as ValidationError).errors?.[0]?.message ?? (error as Error).message);
    }
    if (def.type !== undefined && !['string', 'number', 'boolean'].includes(def.type as string)) add(`/calculation/${key}/type`, 'must be "string", "number" or "boolean"');
  }
  for (const [key, def] of section('aggregation')) {
    if (typeof def.relation !== 'string') add(`/aggregation/${key}/relation`, 'is required (a relation name, an inverse relation name, or "<kind>.<relation>")');
    if (!AGGREGATE_FUNCS.includes(def.func as string)) add(`/aggregation/${key}/func`, `must be one of ${AGGREGATE_FUNCS.join(', ')}`);
    if (def.func !== 'count' && typeof def.property !== 'string') add(`/aggregation/${key}/property`, 'is required unless func is "count"');
    if (def.filter !== undefined) {
      try {
        validateQueryShape({ filter: def.filter as never });
      } catch (error) {
        const first = (error as ValidationError).errors?.[0];
        add(`/aggregation/${key}${first?.pointer ?? '/filter'}`, first?.message ?? 'is invalid');
      }
    }
  }
  if (problems.length) {
    throw new ValidationError(`The kind definition is invalid: ${problems[0].pointer} ${problems[0].message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}.`, problems);
  }
}
