import { defineRoute, forbidden, type ApiRoute } from '@portico/http';
import { ConflictError, ForbiddenError, NotFoundError, PERMISSIONS, ValidationError, hasPermission, type Identity } from '@portico/plugin-api';
import { PERMISSION_SCHEMA } from '../config/auth-config';
import { TEAMS_SCOPE, type ApiTokenInfo, type ApiTokenRecord } from '../tokens/api-token';
import type { ApiTokenBook } from '../tokens/api-token-book';
import { isApiTokenId } from '../tokens/token-value';

const TAGS = ['access'];
const DAY = 24 * 60 * 60 * 1000;
/** Tokens one person may hold at once: enough for every machine they run, not a way to fill the store. */
export const MAX_TOKENS_PER_OWNER = 100;


const tokenSchema = {
  type: 'object',
  required: ['id', 'name', 'owner', 'scopes', 'createdAt', 'expiresAt', 'lastUsedAt', 'expired'],
  properties: {
    id: { type: 'string', description: '`pat_` and 16 hex digits: the start of the value, and safe to show' },
    name: { type: 'string' },
    owner: { type: 'string' },
    scopes: { type: 'array', items: { type: 'string' } },
    createdAt: { type: 'string', format: 'date-time' },
    expiresAt: { type: 'string', format: 'date-time' },
    lastUsedAt: { type: ['string', 'null'], format: 'date-time', description: 'Written at most once a minute' },
    expired: { type: 'boolean' },
  },
};

interface NewTokenBody {
  name: string;
  scopes: string[];
  expiresInDays?: number;
}

/** People (signed in, or through a config token of kind user) make tokens; the guest, machines and API tokens do not. */
function assertMayMakeTokens(identity: Identity): asserts identity is Identity & { via: ApiTokenRecord['ownerVia'] } {
  if (identity.kind === 'user' && !identity.isGuest && (identity.via === 'session' || identity.via === 'config-token')) return;
  const who = identity.isGuest ? 'the guest' : identity.via === 'api-token' ? 'an API token' : `a ${identity.kind} identity`;
  throw new ForbiddenError(
    `Making an API token needs a signed-in person, and ${identity.id} is ${who}: a token never makes more tokens, and the guest has no account to own one. Sign in, then make it on the Tokens page or with POST /api/v1/tokens.`,
    { identity: identity.id },
  );
}

/** What the audit log keeps of a token: what it is and may do, never its value or hash. */
function auditView(token: ApiTokenInfo | ApiTokenRecord): Record<string, unknown> {
  return { id: token.id, name: token.name, owner: token.owner, scopes: token.scopes, createdAt: token.createdAt, expiresAt: token.expiresAt };
}

/** API tokens: each person lists, makes and revokes their own; admins see and revoke anyone's. */
export function tokenRoutes(book: ApiTokenBook): ApiRoute[] {
  const { maxDays } = book;
  const defaultDays = Math.min(30, maxDays);
  return [
    defineRoute({
      method: 'get',
      path: '/tokens',
      operationId: 'listApiTokens',
      summary: 'Your API tokens (admins: anyone\'s, or everyone\'s with owner=*), never their values',
      tags: TAGS,
      access: { signedIn: 'Everyone lists their own tokens; other owners need admin' },
      query: { owner: { description: 'Whose tokens: user:<id>, or * for everyone\'s (both need admin unless it is you)', schema: { type: 'string', pattern: '^(\\*|user:[A-Za-z0-9._@-]+)$' } } },
      responses: {
        '200': {
          description: 'The tokens, newest first, and how long a new one may live',
          schema: { type: 'object', required: ['items', 'limits'], properties: { items: { type: 'array', items: tokenSchema }, limits: { type: 'object', properties: { maxDays: { type: 'integer' }, defaultDays: { type: 'integer' } } } } },
        },
      },
      handler: async ({ identity, query }) => {
        const owner = typeof query.owner === 'string' ? query.owner : identity.id;
        if (owner !== identity.id && !hasPermission(identity, PERMISSIONS.admin)) throw forbidden(identity, PERMISSIONS.admin, owner === '*' ? 'Listing everyone\'s API tokens' : `Listing ${owner}'s API tokens`);
        // The Tokens page is a cheap moment to learn a person's current teams for their tokens.
        if (owner === identity.id && identity.kind === 'user' && identity.via === 'session') await book.noteOwnerTeams(identity.id, identity.teams);
        return { body: { items: await book.list(owner === '*' ? undefined : owner), limits: { maxDays, defaultDays } } };
      },
    }),
    defineRoute<NewTokenBody>({
      method: 'post',
      path: '/tokens',
      operationId: 'createApiToken',
      summary: 'Make an API token holding some of your permissions; its value is in this answer and nowhere else',
      tags: TAGS,
      access: { signedIn: 'Signed-in people make tokens for themselves; the guest, machine tokens and API tokens may not' },
      body: {
        type: 'object',
        required: ['name', 'scopes'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[^\\x00-\\x1f\\x7f]+$', description: 'What the token is for, e.g. "CI deploys of cart-service"' },
          scopes: {
            type: 'array',
            minItems: 1,
            maxItems: 100,
            uniqueItems: true,
            items: PERMISSION_SCHEMA,
            description: `Permissions you hold (a name, a family such as cicd.*, or *), plus "${TEAMS_SCOPE}" to act as a member of your teams (ownership)`,
          },
          expiresInDays: { type: 'integer', minimum: 1, description: `Days until it stops working: at most auth.apiTokens.maxDays (default 30, or maxDays when smaller)` },
        },
      },
      responses: {
        '201': { description: 'The token, and its value (shown this once)', schema: { type: 'object', required: ['token', 'value'], properties: { token: tokenSchema, value: { type: 'string', description: 'pat_<id>_<secret>: send it as Authorization: Bearer <value>' } } } },
        '409': { description: 'You hold the most tokens one person may' },
      },
      handler: async ({ identity, body, audit }) => {
        assertMayMakeTokens(identity);
        const missing = body.scopes.map((scope, index) => ({ scope, index })).filter(({ scope }) => scope !== TEAMS_SCOPE && !hasPermission(identity, scope));
        if (missing.length) {
          throw new ValidationError(
            `A token holds only permissions its owner holds, and ${identity.id} does not hold ${missing.map(({ scope }) => `"${scope}"`).join(', ')}: remove ${missing.length > 1 ? 'them' : 'it'} from scopes (yours are ${(identity.permissions ?? []).map((p) => `"${p}"`).join(', ') || 'none'}).`,
            missing.map(({ scope, index }) => ({ pointer: `/scopes/${index}`, message: `"${scope}" is not a permission you hold` })),
          );
        }
        const days = body.expiresInDays ?? defaultDays;
        if (days > maxDays) {
          throw new ValidationError(`expiresInDays is ${days}, but API tokens live at most ${maxDays} days here (auth.apiTokens.maxDays): choose 1 to ${maxDays}.`, [{ pointer: '/expiresInDays', message: `must be at most ${maxDays}` }]);
        }
        if ((await book.list(identity.id)).filter((token) => !token.expired).length >= MAX_TOKENS_PER_OWNER) {
          throw new ConflictError(`${identity.id} already holds ${MAX_TOKENS_PER_OWNER} API tokens, the most one person may: revoke some you no longer use.`);
        }
        if (identity.via === 'session') await book.noteOwnerTeams(identity.id, identity.teams);
        const now = new Date();
        const { value, token } = await book.create({ name: body.name, scopes: body.scopes, expiresAt: new Date(now.getTime() + days * DAY), owner: { id: identity.id, displayName: identity.displayName, teams: identity.teams, via: identity.via } }, now);
        audit({ target: `token:${token.id}`, before: null, after: auditView(token) });
        // The value is a credential: no cache on the way may keep this answer.
        return { status: 201, headers: { 'cache-control': 'no-store' }, body: { token, value } };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/tokens/{id}',
      operationId: 'revokeApiToken',
      summary: 'Revoke an API token: it is refused from now on',
      tags: TAGS,
      access: { permission: PERMISSIONS.admin, orOwner: 'The token\'s owner, and the token itself (a leaked token can be killed with itself), may revoke it' },
      responses: { '204': { description: 'Revoked' }, '404': { description: 'No such token among those you may revoke' } },
      handler: async ({ identity, params, audit }) => {
        const record = isApiTokenId(params.id) ? await book.get(params.id) : null;
        const allowed = record && (record.owner === identity.id || identity.id === `token:${record.id}` || hasPermission(identity, PERMISSIONS.admin));
        // Someone else's token answers like a missing one, so ids cannot be probed.
        if (!record || !allowed) throw new NotFoundError(`There is no API token ${params.id} among yours${hasPermission(identity, PERMISSIONS.admin) ? '' : ' (admins revoke anyone\'s)'}.`);
        await book.revoke(record.id);
        audit({ target: `token:${record.id}`, before: auditView(record), after: null });
        return { status: 204 };
      },
    }),
  ];
}
