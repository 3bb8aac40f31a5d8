import { GUEST_IDENTITY } from '@portico/http';
import type { Identity } from '@portico/plugin-api';
import type { AuthConfig } from '../config/auth-config';
import type { RoleBook } from '../roles/role-book';

/** The guest the config asks for: none by default, every permission with `true`, or the listed roles. */
export function guestOf(guest: AuthConfig['guest'], roleBook: RoleBook): Identity | null {
  if (!guest) return null;
  if (guest === true) return GUEST_IDENTITY;
  return Object.freeze({ ...GUEST_IDENTITY, permissions: roleBook.permissionsOf(guest.roles), roles: guest.roles });
}
