import type { Request } from 'express';
import { EmbeddedStateStore } from '../state/embedded-state-store';
import { RoleBook } from '../roles/role-book';
import { ConfigTokenSource, sha256Hex } from './config-token-source';
import { guestOf } from './guest-of';
import { IdentityResolver } from './identity-resolver';

const req = {} as Request;

describe('IdentityResolver with config tokens', () => {
  const roleBook = new RoleBook({ store: new EmbeddedStateStore(), assignments: [{ subject: 'team:platform', roles: ['maintainer'] }] });
  const tokens = [
    { name: 'alice', sha256: sha256Hex('alice-token'), kind: 'user' as const, teams: ['platform'], permissions: ['cicd.*'] },
    { name: 'ci', sha256: sha256Hex('ci-token') },
    { name: 'viewer-bot', sha256: sha256Hex('viewer-token'), roles: ['viewer'] },
  ];
  const sources = [new ConfigTokenSource(tokens, roleBook)];

  it('maps a token to its identity, its grants and its roles, and refuses unknown tokens', async () => {
    const resolver = new IdentityResolver(sources, null);
    const alice = await resolver.authenticate('Bearer alice-token', req);
    expect(alice).toMatchObject({ id: 'user:alice', kind: 'user', teams: ['platform'], isGuest: false, roles: ['maintainer'], via: 'config-token' });
    expect(alice!.permissions).toEqual(expect.arrayContaining(['cicd.*', 'catalog.entity.write', 'actions.manage']));
    // A token that lists nothing and holds no role holds nothing.
    await expect(resolver.authenticate('Bearer ci-token', req)).resolves.toMatchObject({ id: 'token:ci', kind: 'token', permissions: [], roles: [] });
    await expect(resolver.authenticate('Bearer viewer-token', req)).resolves.toMatchObject({ roles: ['viewer'], permissions: ['catalog.entity.read', 'actions.read', 'automations.read'] });
    await expect(resolver.authenticate('Bearer nope', req)).resolves.toBeNull();
    await expect(resolver.authenticate('Basic xyz', req)).resolves.toBeNull();
    await expect(resolver.authenticate(undefined, req)).resolves.toBeNull();
  });

  it('gives the labelled guest only when configured and only without a token', async () => {
    expect(guestOf(undefined, roleBook)).toBeNull();
    const resolver = new IdentityResolver(sources, guestOf(true, roleBook));
    await expect(resolver.authenticate(undefined, req)).resolves.toMatchObject({ id: 'guest', isGuest: true, displayName: expect.stringContaining('dev mode'), permissions: ['*'] });
    await expect(resolver.authenticate('Bearer wrong', req)).resolves.toBeNull();
    const viewerGuest = new IdentityResolver(sources, guestOf({ roles: ['viewer'] }, roleBook));
    await expect(viewerGuest.authenticate(undefined, req)).resolves.toMatchObject({ isGuest: true, roles: ['viewer'], permissions: ['catalog.entity.read', 'actions.read', 'automations.read'] });
  });

  it('refuses a config that names an unknown role, saying which and where', () => {
    expect(() => new RoleBook({ store: new EmbeddedStateStore(), defaultRoles: ['devloper'] })).toThrow(/auth.defaultRoles names the role "devloper", which is not defined: use one of viewer, developer, maintainer, admin/);
  });

  it('gives people the default roles and the roles of their teams, through the API too', async () => {
    const store = new EmbeddedStateStore();
    const book = new RoleBook({ store });
    await book.assign('team:sre', ['maintainer']);
    expect(await book.rolesOf({ id: 'user:bob', kind: 'user', teams: ['sre'] })).toEqual(['developer', 'maintainer']);
    expect(await book.rolesOf({ id: 'token:ci', kind: 'token', teams: ['sre'] })).toEqual(['maintainer']);
    await expect(book.assign('group:x', ['viewer'])).rejects.toThrow(/not a subject/);
    await expect(book.assign('user:bob', ['root'])).rejects.toThrow(/Unknown role "root"/);
    await book.unassign('team:sre');
    expect(await book.rolesOf({ id: 'user:bob', kind: 'user', teams: ['sre'] })).toEqual(['developer']);
  });
});
