import { preloadKey, takePreloaded } from './take-preloaded';

afterEach(() => {
  globalThis.__porticoPreload = undefined;
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
