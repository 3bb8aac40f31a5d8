import type { Identity } from '@portico/plugin-api';
import { accessOf, managingPlugin } from './access-of';

const alice: Identity = { id: 'user:alice', kind: 'user', displayName: 'Alice', teams: ['payments'], isGuest: false, permissions: ['catalog.entity.read', 'catalog.entity.write:gadget', 'cicd.*'] };

test('grants what plugin-api grants: exact names, kind scopes, families and *', () => {
  const access = accessOf(alice);
  expect(access.can('catalog.entity.read:service')).toBe(true);
  expect(access.can('catalog.entity.write:gadget')).toBe(true);
  expect(access.can('catalog.entity.write:service')).toBe(false);
  expect(access.can('catalog.entity.write')).toBe(false);
  expect(access.can('cicd.deploy')).toBe(true);
  expect(access.can('admin')).toBe(false);
  expect(access.can(undefined)).toBe(true);
  expect(accessOf({ ...alice, permissions: ['*'] }).can('admin')).toBe(true);
});

test('owners are members of the owning team, with or without the team: prefix', () => {
  const access = accessOf(alice);
  expect(access.ownsEntity({ owner: 'payments' })).toBe(true);
  expect(access.ownsEntity({ owner: 'team:payments' })).toBe(true);
  expect(access.ownsEntity({ owner: 'search' })).toBe(false);
  expect(access.ownsEntity({})).toBe(false);
});

test('nobody known (no answer from /me yet, or not signed in) may do nothing', () => {
  const access = accessOf(undefined);
  expect(access.can(undefined)).toBe(false);
  expect(access.can('catalog.entity.read')).toBe(false);
  expect(access.ownsEntity({ owner: 'payments' })).toBe(false);
  expect(access.isGuest).toBe(false);
  expect(accessOf({ ...alice, id: 'guest', kind: 'guest', isGuest: true }).isGuest).toBe(true);
});

test('the refusal names the permission, its unscoped form, the owning team and the caller', () => {
  const bob = accessOf({ ...alice, id: 'user:bob', teams: ['search'], permissions: [] });
  expect(bob.refusal('Editing gadget/rocket', 'catalog.entity.write:gadget', { owner: 'payments' })).toBe(
    'Editing gadget/rocket needs the permission "catalog.entity.write:gadget" (or "catalog.entity.write" for every kind) or membership of the owning team "payments", which user:bob does not have. An admin can grant it with a role.',
  );
  expect(bob.refusal('Cancelling run r1', 'runs.cancel')).toBe('Cancelling run r1 needs the permission "runs.cancel", which user:bob does not have. An admin can grant it with a role.');
  expect(accessOf(undefined).refusal('Deleting x/y', 'catalog.entity.delete:x', {})).toContain('(it has none), which nobody signed in does not have');
});

test('entities a plugin wrote name that plugin', () => {
  expect(managingPlugin({ meta: { createdBy: 'plugin:software-catalog' } })).toBe('software-catalog');
  expect(managingPlugin({ meta: { createdBy: 'user:alice' } })).toBeUndefined();
  expect(managingPlugin(undefined)).toBeUndefined();
});
