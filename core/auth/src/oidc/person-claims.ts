import { PorticoError } from '@portico/plugin-api';
import type { OidcConfig } from '../config/auth-config';

/** Who the provider says signed in, read through `auth.oidc.claims`. */
export interface PersonClaims {
  id: string;
  name: string;
  email?: string;
  groups: string[];
}

type Claims = Record<string, unknown>;

/** The same characters a role assignment's subject allows, so `user:<id>` can be given roles. */
const ID = /^[A-Za-z0-9._@-]{1,200}$/;

function text(claims: Claims, name: string | undefined): string | undefined {
  if (!name) return undefined;
  const value = claims[name];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

export function personFromClaims(claims: Claims, config: OidcConfig): PersonClaims {
  const mapping = config.claims ?? {};
  const id = mapping.id ? text(claims, mapping.id) : text(claims, 'preferred_username') ?? text(claims, 'email') ?? text(claims, 'sub');
  if (!id || !ID.test(id)) {
    throw new PorticoError({
      status: 400,
      code: 'sign-in-failed',
      title: 'Sign-in failed',
      detail: `The identity provider's claim "${mapping.id ?? 'preferred_username, email or sub'}" ${
        id ? `("${id.slice(0, 100)}") is not usable as a user id (letters, digits, ".", "_", "@" and "-" only)` : 'is missing'
      }: set auth.oidc.claims.id in portico.config.yaml to a claim that names people.`,
    });
  }
  const email = text(claims, mapping.email ?? 'email');
  const rawGroups = claims[mapping.groups ?? 'groups'];
  const groups = Array.isArray(rawGroups) ? rawGroups.filter((g): g is string => typeof g === 'string' && ID.test(g)) : [];
  return {
    id,
    name: text(claims, mapping.name ?? 'name') ?? id,
    email,
    groups,
  };
}
