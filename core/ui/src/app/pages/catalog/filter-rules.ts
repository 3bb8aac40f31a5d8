import type { JsonSchema, PropertyRule, QueryOperator } from '@portico/plugin-api';

export const OPERATORS: Array<{ value: QueryOperator; label: string; needsValue: boolean }> = [
  { value: '=', label: 'equals', needsValue: true },
  { value: '!=', label: 'is not', needsValue: true },
  { value: 'contains', label: 'contains', needsValue: true },
  { value: 'beginsWith', label: 'begins with', needsValue: true },
  { value: '>', label: 'greater than', needsValue: true },
  { value: '<', label: 'less than', needsValue: true },
  { value: 'isEmpty', label: 'is empty', needsValue: false },
  { value: 'isNotEmpty', label: 'is not empty', needsValue: false },
];

/** Typed value from what the user typed, so `replicas > 3` compares numbers, not strings. */
export function parseRuleValue(text: string, schema: JsonSchema | undefined): unknown {
  const type = Array.isArray(schema?.type) ? schema?.type[0] : schema?.type;
  if ((type === 'number' || type === 'integer') && text.trim() !== '' && !Number.isNaN(Number(text))) return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

export function describeRule(rule: PropertyRule): string {
  const operator = OPERATORS.find((item) => item.value === rule.operator);
  return `${rule.property} ${operator?.label ?? rule.operator}${operator?.needsValue === false ? '' : ` ${JSON.stringify(rule.value)}`}`;
}
