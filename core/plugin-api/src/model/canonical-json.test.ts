import { canonicalJson } from './canonical-json';

test('canonical JSON sorts keys at every depth and drops undefined members', () => {
  expect(canonicalJson({ sort: { property: 'id', order: 'asc' }, kind: 'x', facets: undefined, limit: 100 })).toBe('{"kind":"x","limit":100,"sort":{"order":"asc","property":"id"}}');
  expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}');
});
