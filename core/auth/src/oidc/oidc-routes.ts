import { defineRoute, type ApiRoute } from '@portico/http';
import type { Identity } from '@portico/plugin-api';
import type { OidcConfig } from '../config/auth-config';
import type { CatalogPeople } from '../people/catalog-people';
import { membershipsOf } from '../people/catalog-people';
import { readCookie, setSessionCookie } from '../sessions/session-cookie';
import type { SessionSource } from '../sessions/session-source';
import type { SessionStore } from '../sessions/session-store';
import { portalBase, secureCookies, type SignInSettings } from '../sessions/sign-in-settings';
import { PENDING_LOGIN_TTL_MS, signInFailed, type OidcSignIn } from './oidc-sign-in';
import { personFromClaims } from './person-claims';
import { safeReturnTo } from './return-to';

const TAGS = ['sign-in'];
const CALLBACK_PATH = '/api/v1/auth/callback';
/** Binds a sign-in to the browser that started it, so nobody can finish their own sign-in in someone else's browser. */
export const SIGN_IN_COOKIE = 'portico_sign_in';
const REDIRECT = {
  '302': {
    description: 'Redirect (to the identity provider, or back into the portal)',
  },
  '400': {
    description: 'The sign-in cannot be completed (problem+json says why)',
  },
  '502': { description: 'The identity provider is unreachable' },
};

export interface OidcRoutesOptions extends SignInSettings {
  config: OidcConfig;
  signIn: OidcSignIn;
  sessions: SessionStore;
  source: SessionSource;
  people: CatalogPeople;
  /** Told of every completed sign-in (the audit log, API tokens that follow their owner's teams). */
  onSignIn(identity: Identity, requestId: string): Promise<void>;
  /** Told of every refused one. */
  onSignInFailed(detail: string, requestId: string): Promise<void>;
}

/** Sign-in through OpenID Connect: the start (`/auth/login`) and the provider's return (`/auth/callback`). */
export function oidcRoutes(options: OidcRoutesOptions): ApiRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/auth/login',
      operationId: 'signIn',
      summary: 'Start signing in: redirects to the identity provider',
      tags: TAGS,
      access: { public: 'Signing in is how a person gets an identity' },
      query: {
        returnTo: {
          description: 'The portal path to land on afterwards, such as /catalog',
          schema: { type: 'string', maxLength: 2000 },
        },
      },
      responses: REDIRECT,
      handler: async ({ req, res, query }) => {
        const returnTo = safeReturnTo(query.returnTo);
        const { url, state } = await options.signIn.start(portalBase(req, options) + CALLBACK_PATH, returnTo);
        res.cookie(SIGN_IN_COOKIE, state, {
          httpOnly: true,
          sameSite: 'lax',
          path: CALLBACK_PATH,
          secure: secureCookies(req, options),
          maxAge: PENDING_LOGIN_TTL_MS,
        });
        return {
          status: 302,
          headers: { location: url, 'cache-control': 'no-store' },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/auth/callback',
      operationId: 'signInCallback',
      summary: "The identity provider's return: starts the session and redirects into the portal",
      tags: TAGS,
      access: {
        public: 'The identity provider sends people here before they have a session',
      },
      responses: REDIRECT,
      handler: async ({ req, res, requestId }) => {
        try {
          return await callback(req, res, requestId);
        } catch (error) {
          await options.onSignInFailed((error as Error).message, requestId);
          throw error;
        }
      },
    }),
  ];

  async function callback(req: import('express').Request, res: import('express').Response, requestId: string) {
    const search = new URL(req.originalUrl, 'http://portal.invalid').searchParams;
    const state = search.get('state');
    if (!state || readCookie(req, SIGN_IN_COOKIE) !== state) {
      throw signInFailed('This sign-in was started in another browser, or its cookie expired (sign-in must finish within 10 minutes in the browser that began it).');
    }
    res.clearCookie(SIGN_IN_COOKIE, {
      httpOnly: true,
      sameSite: 'lax',
      path: CALLBACK_PATH,
      secure: secureCookies(req, options),
    });
    const { claims, returnTo } = await options.signIn.finish(search);
    const person = personFromClaims(claims, options.config);
    const claimTeams = options.config.groupsAsTeams ? person.groups : [];
    const entity = await options.people.find(person);
    const teams = [...new Set([...(entity ? membershipsOf(entity) : []), ...claimTeams])];
    const { id, record } = await options.sessions.create({
      userId: `user:${person.id}`,
      displayName: (typeof entity?.properties.displayName === 'string' && entity.properties.displayName) || person.name,
      ...(person.email ? { email: person.email } : {}),
      ...(entity ? { userEntity: entity.id } : {}),
      claimTeams,
      teams,
    });
    setSessionCookie(res, id, {
      secure: secureCookies(req, options),
      maxAgeMs: Date.parse(record.expiresAt) - Date.parse(record.createdAt),
    });
    await options.onSignIn(await options.source.identityOf(record), requestId);
    return {
      status: 302,
      headers: { location: returnTo, 'cache-control': 'no-store' },
    };
  }
}
