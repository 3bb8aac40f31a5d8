import { configurationDiff, describeChange } from './configuration-diff';

test('lists added, removed and changed leaves by path, nested objects included', () => {
  const diff = configurationDiff({ seats: 5, sso: { enabled: false, provider: 'okta' }, legacy: true, tags: ['a'] }, { seats: 10, sso: { enabled: true, provider: 'okta' }, tags: ['a'], region: 'eu' });
  expect(diff).toEqual([{ path: 'legacy', before: true }, { path: 'region', after: 'eu' }, { path: 'seats', before: 5, after: 10 }, { path: 'sso.enabled', before: false, after: true }]);
  expect(diff.map(describeChange)).toEqual(['- legacy: true', '+ region: "eu"', '~ seats: 5 → 10', '~ sso.enabled: false → true']);
});

test('equal configurations have no diff', () => {
  expect(configurationDiff({ a: [1, 2], b: { c: 1 } }, { b: { c: 1 }, a: [1, 2] })).toEqual([]);
});
