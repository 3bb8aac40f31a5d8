import type { ApiRoute } from '@portico/http';
import type { Identity, LoggerService } from '@portico/plugin-api';
import type { AuditLog } from '../audit/audit-log';
import type { AuthConfig } from '../config/auth-config';
import type { IdentityResolver } from '../identity/identity-resolver';
import { OidcSignIn } from '../oidc/oidc-sign-in';
import { oidcRoutes } from '../oidc/oidc-routes';
import type { CatalogPeople } from '../people/catalog-people';
import type { StateStore } from '../state/state-store';
import type { ApiTokenBook } from '../tokens/api-token-book';
import type { SessionSource } from './session-source';
import type { SessionStore } from './session-store';
import { sessionRoutes } from './session-routes';

export interface SignInRoutesOptions {
  config: AuthConfig;
  publicUrl?: string;
  state: StateStore;
  logger: LoggerService;
  sessions: SessionStore;
  sessionSource: SessionSource;
  people: CatalogPeople;
  guest: Identity | null;
  resolver: IdentityResolver;
  audit: Pick<AuditLog, 'record'>;
  apiTokens: Pick<ApiTokenBook, 'noteOwnerTeams'>;
}

/**
 * Sign-in, composed: the session routes always (the UI asks who it is), the OpenID Connect
 * routes when `auth.oidc` is configured. Sign-ins go to the audit log here because the
 * callback is a GET, which the request audit (writes and refusals) does not record.
 */
export function signInRoutes(options: SignInRoutesOptions): ApiRoute[] {
  const settings = {
    publicUrl: options.publicUrl,
    secureCookie: options.config.session?.secureCookie,
  };
  const oidc = options.config.oidc;
  const signIn = oidc ? new OidcSignIn(oidc, options.state, options.logger) : null;
  return [
    ...sessionRoutes({
      ...settings,
      sessions: options.sessions,
      guest: options.guest,
      signInAvailable: signIn !== null,
      authenticate: (authorization, req) => options.resolver.authenticate(authorization, req),
    }),
    ...(oidc && signIn
      ? oidcRoutes({
          ...settings,
          config: oidc,
          signIn,
          sessions: options.sessions,
          source: options.sessionSource,
          people: options.people,
          onSignIn: async (identity, requestId) => {
            // A person's API tokens hold at most what the person holds, teams included.
            await options.apiTokens.noteOwnerTeams(identity.id, identity.teams);
            await options.audit.record({
              actor: identity.id,
              via: 'session',
              action: 'session.signed-in',
              method: 'GET',
              path: '/api/v1/auth/callback',
              status: 302,
              outcome: 'ok',
              requestId,
              target: identity.id,
              after: { teams: identity.teams, roles: identity.roles },
              note: { teams: identity.teams },
            });
          },
          onSignInFailed: (detail, requestId) =>
            options.audit.record({
              actor: 'anonymous',
              action: 'session.sign-in-failed',
              method: 'GET',
              path: '/api/v1/auth/callback',
              status: 400,
              outcome: 'failed',
              requestId,
              note: { reason: detail.slice(0, 300) },
            }),
        })
      : []),
  ];
}
