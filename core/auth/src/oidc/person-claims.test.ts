import { personFromClaims } from './person-claims';

const config = { issuer: 'https://login.example.com', clientId: 'portal' };

test('names people by preferred_username, then email, then sub, through the configured claims', () => {
  expect(personFromClaims({ sub: 's1', preferred_username: 'alice', name: 'Alice M', email: 'a@example.com', groups: ['sre', 42, 'bad group'] }, config)).toEqual({
    id: 'alice',
    name: 'Alice M',
    email: 'a@example.com',
    groups: ['sre'],
  });
  expect(personFromClaims({ sub: 's1', email: 'a@example.com' }, config)).toMatchObject({ id: 'a@example.com', name: 'a@example.com' });
  expect(personFromClaims({ sub: 's1' }, config)).toMatchObject({ id: 's1', groups: [] });
  const mapped = { ...config, claims: { id: 'upn', name: 'display', email: 'mail', groups: 'roles' } };
  expect(personFromClaims({ sub: 's1', upn: 'bob', display: 'Bob', mail: 'b@example.com', roles: ['ops'] }, mapped)).toEqual({ id: 'bob', name: 'Bob', email: 'b@example.com', groups: ['ops'] });
});

test('refuses a sign-in whose id claim is missing or unusable as a user id, saying which setting fixes it', () => {
  expect(() => personFromClaims({ sub: 's1' }, { ...config, claims: { id: 'upn' } })).toThrow(/claim "upn" is missing: set auth.oidc.claims.id/);
  expect(() => personFromClaims({ sub: 'a b' }, config)).toThrow(/\("a b"\) is not usable as a user id/);
});
