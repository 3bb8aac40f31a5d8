import type { Entity } from '@portico/plugin-api';
import type { AutomationEvent } from './automation';
import { conditionProblems, evaluateCondition } from './evaluate-condition';

const entity = (properties: Record<string, unknown>): Entity => ({ kind: 'dev-env', id: 'e', title: 'E', properties, relations: {}, meta: { createdAt: '', updatedAt: '', createdBy: '', updatedBy: '', version: 1 } });
const event = (before: Record<string, unknown> | null, after: Record<string, unknown> | null): AutomationEvent => ({ type: 'entity.updated', kind: 'dev-env', id: 'e', before: before && entity(before), after: after && entity(after), at: '' });

describe('evaluateCondition', () => {
  it('compares, combines and detects changes', () => {
    const e = event({ ttl: 5, tags: ['a'] }, { ttl: 8, tags: ['a', 'b'], name: 'dev-x' });
    expect(evaluateCondition({ path: 'after.properties.ttl', operator: '>', value: 5 }, e)).toBe(true);
    expect(evaluateCondition({ path: 'after.properties.ttl', operator: '<=', value: 5 }, e)).toBe(false);
    expect(evaluateCondition({ path: 'properties.ttl', operator: 'changed' }, e)).toBe(true);
    expect(evaluateCondition({ path: 'after.properties.owner', operator: 'changed' }, e)).toBe(false);
    expect(evaluateCondition({ all: [{ path: 'after.properties.tags', operator: 'contains', value: 'b' }, { not: { path: 'after.properties.name', operator: 'beginsWith', value: 'prod' } }] }, e)).toBe(true);
    expect(evaluateCondition({ any: [{ path: 'kind', operator: 'in', value: ['service'] }, { path: 'after.properties.missing', operator: 'isEmpty' }] }, e)).toBe(true);
    expect(evaluateCondition({ path: 'after.properties.ttl', operator: '>', value: 'x' }, e)).toBe(false);
    expect(evaluateCondition({ path: 'after.constructor', operator: 'isNotEmpty' }, e)).toBe(false);
  });

  it('names problems in declarative conditions', () => {
    expect(conditionProblems({ all: [{ path: '', operator: 'x' }] })).toEqual(['/condition/all/0/path must be a dot path into the event', expect.stringMatching(/^\/condition\/all\/0\/operator must be one of/)]);
    expect(conditionProblems({ path: 'a', operator: '=' })).toEqual([]);
  });
});
