import type { JsonSchema } from '@portico/plugin-api';
import type { RoleDefinition } from '../roles/built-in-roles';
import type { ConfigToken } from '../identity/config-token-source';

/**
 * The `auth` section of portico.config.yaml.
 * @public
 */
export interface AuthConfig {
  /**
   * The dev-mode guest: requests with no credential act as a clearly labelled guest.
   * Off unless configured; `true` gives the guest every permission (a demo on a laptop),
   * `{ roles: [viewer] }` only those roles' permissions.
   */
  guest?: boolean | { roles: string[] };
  /** Tokens listed by the SHA-256 of their value (CI systems, agents). */
  tokens?: ConfigToken[];
  /** Roles added to, or redefining, the built-in viewer, developer, maintainer and admin. */
  roles?: Record<string, RoleDefinition>;
  /** Who holds which roles: `user:alice`, `team:platform` or `token:ci`. */
  assignments?: Array<{ subject: string; roles: string[] }>;
  /** Roles every signed-in person holds (default: developer). */
  defaultRoles?: string[];
  /** Sign-in for people through OpenID Connect. */
  oidc?: OidcConfig;
  /** Sessions of signed-in people. */
  session?: { ttlHours?: number; secureCookie?: boolean };
  /** API tokens made through the API or the Tokens page; `maxDays` caps how long one lives (default 90). */
  apiTokens?: { maxDays?: number };
  /** The audit log. */
  audit?: { retentionDays?: number };
}

/** @public */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Usually `${OIDC_CLIENT_SECRET}`; omit for a public client (PKCE only). */
  clientSecret?: string;
  scopes?: string[];
  /** Claims that name the person: `id` (default `preferred_username`, then `email`, then `sub`), `name`, `email`, `groups`. */
  claims?: { id?: string; name?: string; email?: string; groups?: string };
  /** Treat the groups claim's values as team ids (default false: teams come from the catalog). */
  groupsAsTeams?: boolean;
}

/** A permission name, family (`cicd.*`), kind-scoped name (`catalog.entity.write:component`) or `*`; API token scopes use it too. */
export const PERMISSION_SCHEMA = { type: 'string', pattern: '^(\\*|[a-zA-Z0-9_-]+(\\.[a-zA-Z0-9_-]+)*(\\.\\*)?(:[a-zA-Z0-9_-]+)?)$' };
const ROLE_NAMES = { type: 'array', items: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' } };

/**
 * JSON Schema of the `auth` section; the kernel's config schema embeds it.
 * @public
 */
export const AUTH_CONFIG_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    guest: { oneOf: [{ type: 'boolean' }, { type: 'object', additionalProperties: false, required: ['roles'], properties: { roles: ROLE_NAMES } }] },
    tokens: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'sha256'],
        properties: {
          name: { type: 'string', pattern: '^[a-zA-Z0-9._-]+$' },
          sha256: { type: 'string', pattern: '^[a-f0-9]{64}$' },
          kind: { enum: ['token', 'user'] },
          teams: { type: 'array', items: { type: 'string' } },
          permissions: { type: 'array', items: PERMISSION_SCHEMA },
          roles: ROLE_NAMES,
        },
      },
    },
    roles: {
      type: 'object',
      propertyNames: { pattern: '^[a-z][a-z0-9-]*$' },
      additionalProperties: { type: 'object', additionalProperties: false, required: ['permissions'], properties: { description: { type: 'string' }, permissions: { type: 'array', items: PERMISSION_SCHEMA } } },
    },
    assignments: {
      type: 'array',
      items: { type: 'object', additionalProperties: false, required: ['subject', 'roles'], properties: { subject: { type: 'string', pattern: '^(user|team|token):[A-Za-z0-9._@-]+$' }, roles: ROLE_NAMES } },
    },
    defaultRoles: ROLE_NAMES,
    oidc: {
      type: 'object',
      additionalProperties: false,
      required: ['issuer', 'clientId'],
      properties: {
        issuer: { type: 'string', minLength: 1 },
        clientId: { type: 'string', minLength: 1 },
        clientSecret: { type: 'string' },
        scopes: { type: 'array', items: { type: 'string' } },
        claims: { type: 'object', additionalProperties: false, properties: { id: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' }, groups: { type: 'string' } } },
        groupsAsTeams: { type: 'boolean' },
      },
    },
    session: { type: 'object', additionalProperties: false, properties: { ttlHours: { type: 'number', exclusiveMinimum: 0 }, secureCookie: { type: 'boolean' } } },
    apiTokens: { type: 'object', additionalProperties: false, properties: { maxDays: { type: 'integer', minimum: 1 } } },
    audit: { type: 'object', additionalProperties: false, properties: { retentionDays: { type: 'integer', minimum: 1 } } },
  },
};
