import type { Entity } from '@portico/plugin-api';
import { matchesCondition } from './matches-condition';

const service = { kind: 'service', id: 'cart', title: 'Cart', properties: { tier: 1, lifecycle: 'production' }, relations: {}, meta: {} } as unknown as Entity;

test('widgets without a condition always show', () => {
  expect(matchesCondition(undefined, undefined)).toBe(true);
});

test('kind conditions need an entity of one of the kinds', () => {
  expect(matchesCondition({ kind: 'service' }, service)).toBe(true);
  expect(matchesCondition({ kind: ['api', 'service'] }, service)).toBe(true);
  expect(matchesCondition({ kind: 'api' }, service)).toBe(false);
  expect(matchesCondition({ kind: 'service' }, undefined)).toBe(false);
});

test('property conditions compare values exactly', () => {
  expect(matchesCondition({ kind: 'service', property: { name: 'lifecycle', equals: 'production' } }, service)).toBe(true);
  expect(matchesCondition({ property: { name: 'tier', equals: '1' } }, service)).toBe(false);
  expect(matchesCondition({ property: { name: 'missing', equals: 'x' } }, service)).toBe(false);
});
