import { defineRoute, type ApiRoute } from '@portico/http';
import type { Identity } from '@portico/plugin-api';
import { clearSessionCookie, readSessionCookie } from './session-cookie';
import type { SessionStore } from './session-store';
import { secureCookies, type SignInSettings } from './sign-in-settings';

const TAGS = ['sign-in'];
const IDENTITY = {
  type: ['object', 'null'],
  properties: {
    id: { type: 'string' },
    kind: { type: 'string' },
    displayName: { type: 'string' },
    teams: { type: 'array', items: { type: 'string' } },
    isGuest: { type: 'boolean' },
    via: { type: 'string' },
  },
};

export interface SessionRoutesOptions extends SignInSettings {
  sessions: SessionStore;
  /** Who this request is (a session, a token or the guest), null when nobody. */
  authenticate(authorization: string | undefined, req: import('express').Request): Promise<Identity | null>;
  /** The dev guest, when configured: who a browser is once its session is over. */
  guest: Identity | null;
  /** Whether people can sign in (auth.oidc is configured). */
  signInAvailable: boolean;
}

/** The browser's view of its session: who it is, how to sign in, and signing out. */
export function sessionRoutes(options: SessionRoutesOptions): ApiRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/auth/session',
      operationId: 'getSession',
      summary: 'Who this browser is signed in as (or the dev guest), and where to sign in',
      tags: TAGS,
      access: {
        public: 'The web UI asks before anyone is signed in, to show a sign-in page instead of errors',
      },
      responses: {
        '200': {
          description: 'The session',
          schema: {
            type: 'object',
            required: ['identity', 'signInUrl', 'ended'],
            properties: {
              identity: IDENTITY,
              signInUrl: { type: ['string', 'null'] },
              ended: {
                type: 'boolean',
                description: 'True when the browser held a session that is over (expired or signed out elsewhere)',
              },
            },
          },
        },
      },
      handler: async ({ req, res }) => {
        const identity = await options.authenticate(req.get('authorization'), req);
        // A cookie for a session that is over is dropped here, so the next page is the guest's or the sign-in page.
        const ended = identity === null && req.get('authorization') === undefined && readSessionCookie(req) !== undefined;
        if (ended) clearSessionCookie(res, secureCookies(req, options));
        const who = ended ? options.guest : identity;
        return {
          headers: { 'cache-control': 'no-store' },
          body: {
            identity: who,
            signInUrl: options.signInAvailable ? '/api/v1/auth/login' : null,
            ended,
          },
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/auth/logout',
      operationId: 'signOut',
      summary: 'Sign out: ends this browser session and clears its cookie',
      tags: TAGS,
      access: { signedIn: 'Only a signed-in browser has a session to end' },
      responses: { '204': { description: 'Signed out' } },
      handler: async ({ req, res, identity, audit }) => {
        const id = readSessionCookie(req);
        if (id !== undefined) {
          await options.sessions.delete(id);
          audit({
            target: identity.id,
            before: { session: 'active' },
            after: null,
            note: { event: 'signed out' },
          });
        }
        clearSessionCookie(res, secureCookies(req, options));
        return { status: 204, headers: { 'cache-control': 'no-store' } };
      },
    }),
  ];
}
