import type { AutomationEvent, EventCondition } from './automation';

function read(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function empty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

function compare(a: unknown, b: unknown): number | null {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

/** Evaluates a declarative condition against an event. */
export function evaluateCondition(condition: EventCondition, event: AutomationEvent): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, event));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, event));
  if ('not' in condition) return !evaluateCondition(condition.not, event);
  const { path, operator, value } = condition;
  if (operator === 'changed') {
    // `properties.x` and `after.properties.x` both mean the entity's `properties.x`.
    const inner = path.replace(/^(after|before)\./, '');
    return JSON.stringify(read(event.before, inner) ?? null) !== JSON.stringify(read(event.after, inner) ?? null);
  }
  const actual = read(event, path);
  switch (operator) {
    case '=':
      return JSON.stringify(actual) === JSON.stringify(value);
    case '!=':
      return JSON.stringify(actual) !== JSON.stringify(value);
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const c = compare(actual, value);
      if (c === null) return false;
      return operator === '<' ? c < 0 : operator === '<=' ? c <= 0 : operator === '>' ? c > 0 : c >= 0;
    }
    case 'in':
      return Array.isArray(value) && value.some((v) => JSON.stringify(v) === JSON.stringify(actual));
    case 'notIn':
      return Array.isArray(value) && !value.some((v) => JSON.stringify(v) === JSON.stringify(actual));
    case 'contains':
      return Array.isArray(actual) ? actual.some((v) => JSON.stringify(v) === JSON.stringify(value)) : typeof actual === 'string' && actual.includes(String(value));
    case 'beginsWith':
      return typeof actual === 'string' && actual.startsWith(String(value));
    case 'endsWith':
      return typeof actual === 'string' && actual.endsWith(String(value));
    case 'isEmpty':
      return empty(actual);
    case 'isNotEmpty':
      return !empty(actual);
    default:
      return false;
  }
}

const OPERATORS = new Set(['=', '!=', '<', '<=', '>', '>=', 'in', 'notIn', 'contains', 'beginsWith', 'endsWith', 'isEmpty', 'isNotEmpty', 'changed']);

/** Problems in a declarative condition (for automations arriving as JSON). */
export function conditionProblems(condition: unknown, pointer = '/condition'): string[] {
  if (!condition || typeof condition !== 'object') return [`${pointer} must be an object`];
  const c = condition as Record<string, unknown>;
  if (Array.isArray(c.all)) return c.all.flatMap((x, i) => conditionProblems(x, `${pointer}/all/${i}`));
  if (Array.isArray(c.any)) return c.any.flatMap((x, i) => conditionProblems(x, `${pointer}/any/${i}`));
  if ('not' in c) return conditionProblems(c.not, `${pointer}/not`);
  const problems: string[] = [];
  if (typeof c.path !== 'string' || !c.path) problems.push(`${pointer}/path must be a dot path into the event`);
  if (!OPERATORS.has(c.operator as string)) problems.push(`${pointer}/operator must be one of ${[...OPERATORS].join(', ')}`);
  return problems;
}
