import { aggregateFacet } from './aggregate-facet';

test('adds up a numeric facet as sum, average, min and max, weighting each value by its count', () => {
  const counts = { '1': 2, '4': 1, '10': 1, 'n/a': 5 };
  expect(aggregateFacet(counts, 'sum')).toBe(16);
  expect(aggregateFacet(counts, 'avg')).toBe(4);
  expect(aggregateFacet(counts, 'min')).toBe(1);
  expect(aggregateFacet(counts, 'max')).toBe(10);
  expect(aggregateFacet({ red: 3 }, 'sum')).toBeNull();
});
