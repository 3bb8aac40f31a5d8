import { canonicalJson, preloadKey, takePreloaded } from './take-preloaded';

afterEach(() => {
  globalThis.__porticoPreload = undefined;
});

test('canonical JSON sorts keys at every depth and drops undefined members', () => {
  expect(canonicalJson({ sort: { property: 'id', order: 'asc' }, kind: 'x', facets: undefined, limit: 100 })).toBe('{"kind":"x","limit":100,"sort":{"order":"asc","property":"id"}}');
  expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}');
});

test('a preloaded response is taken once, and only while fresh', () => {
  const response = Promise.resolve(new Response('{}'));
  const key = preloadKey('POST', '/api/v1/entities/query', { limit: 100, kind: 'x' });
  globalThis.__porticoPreload = { [key]: { at: 1_000, response }, 'GET /api/v1/kinds ': { at: 1_000, response } };
  expect(takePreloaded(key, 2_000)).toBe(response);
  expect(takePreloaded(key, 2_000)).toBeUndefined();
  expect(takePreloaded('GET /api/v1/kinds ', 60_000)).toBeUndefined();
  expect(globalThis.__porticoPreload).toEqual({});
});
