import type { Entity, PropertyRule, QueryFilter, QueryRule } from '@portico/plugin-api';
import type { IndexEntry } from '../index/index-entry';
import { searchWordMatches, words } from '../index/tokenize';
import type { PlanNode } from './plan';
import { inScoreRange, valueMatches } from './value-match';

/** One entity's index entries, shaped for evaluating a plan against it. */
export interface EntityView {
  ref: string;
  entity: Entity;
  /** key -> score of the entries whose member is the entity's ref */
  keys: Map<string, number>;
  /** Texts that search reads besides id and title. */
  texts: string[];
}

export function entityView(ref: string, entity: Entity, entries: IndexEntry[], texts: string[]): EntityView {
  const keys = new Map<string, number>();
  for (const entry of entries) if (entry.member === ref) keys.set(entry.key, entry.score);
  return { ref, entity, keys, texts };
}

function fieldValue(entity: Entity, property: string): unknown {
  if (property === 'id' || property === 'kind' || property === 'title' || property === 'description' || property === 'owner') return entity[property];
  if (property.startsWith('meta.')) return (entity.meta as unknown as Record<string, unknown>)[property.slice(5)];
  let path: string[];
  let value: unknown;
  if (property.startsWith('relations.')) {
    value = entity.relations;
    path = [property.slice('relations.'.length)];
  } else {
    value = entity.properties;
    path = (property.startsWith('properties.') ? property.slice('properties.'.length) : property).split('.');
  }
  for (const part of path) {
    if (!value || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function compare(a: unknown, b: unknown): number | null {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

/** Direct evaluation of a rule that no index answers (the post-filter). */
export function matchRule(entity: Entity, rule: PropertyRule): boolean {
  const v = fieldValue(entity, rule.property);
  const target = rule.value;
  const empty = v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
  switch (rule.operator) {
    case 'isEmpty':
      return empty;
    case 'isNotEmpty':
      return !empty;
    case '=':
      return deepEqual(v, target);
    case '!=':
      return !deepEqual(v, target);
    case 'in':
      return Array.isArray(target) && target.some((t) => deepEqual(v, t));
    case 'notIn':
      return Array.isArray(target) && !target.some((t) => deepEqual(v, t));
    case 'contains':
      if (typeof v === 'string') return typeof target === 'string' && v.includes(target);
      return Array.isArray(v) && v.some((item) => deepEqual(item, target));
    case 'containsAny':
      return Array.isArray(v) && Array.isArray(target) && v.some((item) => target.some((t) => deepEqual(item, t)));
    case 'beginsWith':
      return typeof v === 'string' && typeof target === 'string' && v.startsWith(target);
    case 'endsWith':
      return typeof v === 'string' && typeof target === 'string' && v.endsWith(target);
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const c = compare(v, target);
      if (c === null) return false;
      return rule.operator === '<' ? c < 0 : rule.operator === '<=' ? c <= 0 : rule.operator === '>' ? c > 0 : c >= 0;
    }
    case 'between': {
      if (!Array.isArray(target)) return false;
      const lo = compare(v, target[0]);
      const hi = compare(v, target[1]);
      return lo !== null && hi !== null && lo >= 0 && hi <= 0;
    }
    default:
      return false;
  }
}

function matchSearch(view: EntityView, search: string[]): boolean {
  const nameWords = [...words(view.entity.id), ...words(view.entity.title)];
  const textWords = view.texts.flatMap((t) => words(t));
  return search.every((w) => searchWordMatches(w, nameWords, textWords));
}

/** Whether one entity satisfies a plan: the same answer a store gives, read from the entity's own entries. */
export function matchesPlan(node: PlanNode, view: EntityView): boolean {
  switch (node.t) {
    case 'key':
      return view.keys.has(node.key);
    case 'ids':
      return node.refs.includes(view.ref);
    case 'empty':
      return false;
    case 'and':
      return node.of.every((n) => matchesPlan(n, view));
    case 'or':
      return node.of.some((n) => matchesPlan(n, view));
    case 'diff':
      return matchesPlan(node.of[0], view) && !node.of.slice(1).some((n) => matchesPlan(n, view));
    case 'range': {
      const score = view.keys.get(node.key);
      return score !== undefined && inScoreRange(score, node.min, node.max);
    }
    case 'prefix':
      return view.keys.has(node.key) && view.ref.startsWith(node.prefix);
    case 'values':
      for (const key of view.keys.keys()) {
        if (key.startsWith(node.eqPrefix) && valueMatches(key.slice(node.eqPrefix.length), node.match)) return true;
      }
      return false;
    case 'residual':
      if (!view.keys.has(node.universe)) return false;
      if (node.rule && !matchRule(view.entity, node.rule)) return false;
      if (node.search && !matchSearch(view, node.search)) return false;
      return true;
    default:
      return false;
  }
}

/** Evaluates a filter directly on one entity (aggregation filters); relatedTo rules need the graph and never match here. */
export function matchFilter(entity: Entity, filter: QueryFilter): boolean {
  const test = (rule: QueryRule): boolean => {
    if ('combinator' in rule) return matchFilter(entity, rule);
    if (rule.operator === 'relatedTo') return false;
    return matchRule(entity, rule as PropertyRule);
  };
  return filter.combinator === 'or' ? filter.rules.some(test) : filter.rules.every(test);
}

export { deepEqual };
