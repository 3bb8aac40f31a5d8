import { hashToken, TokenIdentityService } from './token-identity';

describe('TokenIdentityService', () => {
  const tokens = [
    { name: 'alice', sha256: hashToken('alice-token'), kind: 'user' as const, teams: ['platform'], permissions: ['cicd.*'] },
    { name: 'ci', sha256: hashToken('ci-token') },
  ];

  it('maps a token to its identity and refuses unknown tokens', async () => {
    const identity = new TokenIdentityService(tokens, false);
    await expect(identity.authenticate('Bearer alice-token')).resolves.toEqual({ id: 'user:alice', kind: 'user', displayName: 'alice', teams: ['platform'], isGuest: false, permissions: ['cicd.*'] });
    // A token that lists no permissions holds none.
    await expect(identity.authenticate('Bearer ci-token')).resolves.toMatchObject({ id: 'token:ci', kind: 'token', permissions: [] });
    await expect(identity.authenticate('Bearer nope')).resolves.toBeNull();
    await expect(identity.authenticate('Basic xyz')).resolves.toBeNull();
    await expect(identity.authenticate(undefined)).resolves.toBeNull();
  });

  it('gives the labelled guest only in dev mode and only without a token', async () => {
    const identity = new TokenIdentityService(tokens, true);
    await expect(identity.authenticate(undefined)).resolves.toMatchObject({ id: 'guest', isGuest: true, displayName: expect.stringContaining('dev mode'), permissions: ['*'] });
    await expect(identity.authenticate('Bearer wrong')).resolves.toBeNull();
  });
});
