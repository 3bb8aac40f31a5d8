import type { KindDefinition } from '@portico/plugin-api';
import { catalogColumns, facetProperties } from './catalog-columns';
import { describeRule, parseRuleValue } from './filter-rules';

const kind: KindDefinition = {
  id: 'service',
  title: 'Service',
  ownerKind: 'team',
  schema: {
    type: 'object',
    properties: {
      lifecycle: { type: 'string', enum: ['production', 'experimental'] },
      replicas: { type: 'integer', title: 'Replicas' },
      deployedAt: { type: 'string', format: 'date-time' },
      readme: { type: 'string', format: 'markdown' },
      tags: { type: 'array', items: { type: 'string' } },
      public: { type: 'boolean' },
    },
  },
};

test('columns come from the schema: scalars only, sortable where the catalog can sort', () => {
  expect(catalogColumns(kind).map((c) => [c.property, c.title, c.sortable])).toEqual([
    ['title', 'Title', true],
    ['id', 'Id', true],
    ['owner', 'Owner', false],
    ['lifecycle', 'lifecycle', false],
    ['replicas', 'Replicas', true],
    ['deployedAt', 'deployedAt', true],
    ['public', 'public', false],
  ]);
});

test('facets are the owner, enums and booleans', () => {
  expect(facetProperties(kind)).toEqual(['owner', 'lifecycle', 'public']);
});

test('rule values are typed by the schema', () => {
  expect(parseRuleValue('3', { type: 'integer' })).toBe(3);
  expect(parseRuleValue('three', { type: 'integer' })).toBe('three');
  expect(parseRuleValue('true', { type: 'boolean' })).toBe(true);
  expect(parseRuleValue('3', { type: 'string' })).toBe('3');
  expect(describeRule({ property: 'replicas', operator: '>', value: 3 })).toBe('replicas greater than 3');
  expect(describeRule({ property: 'owner', operator: 'isEmpty' })).toBe('owner is empty');
});
