import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import { PorticoError, ValidationError, type LoggerService } from '@portico/plugin-api';
import type { OidcConfig } from '../config/auth-config';
import type { StateStore } from '../state/state-store';

/** What the portal keeps between sending a person to the provider and their return. */
interface PendingLogin {
  codeVerifier: string;
  nonce: string;
  returnTo: string;
  redirectUri: string;
}

const PENDING = 'oidc-login:';
/** Long enough to type a password and pass a second factor; short enough that a stolen state is stale. */
export const PENDING_LOGIN_TTL_MS = 10 * 60 * 1000;

function loopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** The issuer URL, refused at boot unless https (plain http only for a provider on this machine: tests, a laptop). */
export function issuerUrl(config: OidcConfig): URL {
  let url: URL;
  try {
    url = new URL(config.issuer);
  } catch {
    throw new ValidationError(`auth.oidc.issuer "${config.issuer}" is not a URL: give the provider's issuer, such as https://login.example.com/realms/acme.`, [
      { pointer: '/auth/oidc/issuer', message: 'must be a URL' },
    ]);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback(url.hostname))) {
    throw new ValidationError(`auth.oidc.issuer "${config.issuer}" must use https (plain http is allowed only for a provider on 127.0.0.1 or localhost).`, [
      { pointer: '/auth/oidc/issuer', message: 'must be https' },
    ]);
  }
  return url;
}

export function signInFailed(detail: string): PorticoError {
  return new PorticoError({
    status: 400,
    code: 'sign-in-failed',
    title: 'Sign-in failed',
    detail: `${detail} Sign in again from the portal's start page.`,
  });
}

function pendingKey(state: string): string {
  return PENDING + createHash('sha256').update(state).digest('hex');
}

/**
 * The authorization code flow with PKCE through openid-client: the provider is discovered
 * from the issuer on first use (and again after a failed attempt, so a provider that was down
 * at boot does not need a restart). State, nonce and the PKCE verifier stay in the portal's
 * store, never in the browser, and each may be used once.
 */
export class OidcSignIn {
  private configuration: Promise<client.Configuration> | null = null;
  private readonly issuer: URL;

  constructor(private readonly config: OidcConfig, private readonly store: StateStore, private readonly logger: LoggerService) {
    this.issuer = issuerUrl(config);
  }

  private discover(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(
        this.issuer,
        this.config.clientId,
        this.config.clientSecret || undefined,
        this.config.clientSecret ? undefined : client.None(),
        this.issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
      )
      .catch((error: Error) => {
        this.configuration = null;
        this.logger.error('OpenID Connect discovery failed', {
          issuer: this.issuer.href,
          error: error.message,
        });
        throw new PorticoError({
          status: 502,
          code: 'identity-provider-unavailable',
          title: 'Identity provider unavailable',
          detail: `The identity provider ${this.issuer.href} could not be reached or described itself wrongly (${error.message}). Try again shortly; an admin should check auth.oidc.issuer.`,
        });
      });
    return this.configuration;
  }

  /** Where to send the browser to sign in; returns the state to bind to the browser. */
  async start(redirectUri: string, returnTo: string): Promise<{ url: string; state: string }> {
    const configuration = await this.discover();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const pending: PendingLogin = {
      codeVerifier,
      nonce,
      returnTo,
      redirectUri,
    };
    await this.store.set(pendingKey(state), JSON.stringify(pending), {
      ttlMs: PENDING_LOGIN_TTL_MS,
    });
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: (this.config.scopes ?? ['openid', 'profile', 'email']).join(' '),
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state };
  }

  /**
   * Completes a sign-in from the provider's redirect (`search` is the callback's query string):
   * checks the state, trades the code with the PKCE verifier, checks the ID token and its nonce,
   * and returns the person's claims (ID token plus userinfo) and where they were going.
   */
  async finish(search: URLSearchParams): Promise<{ claims: Record<string, unknown>; returnTo: string }> {
    const state = search.get('state');
    if (!state) throw signInFailed('The provider sent no "state" back, so this answer cannot be matched to a sign-in this portal started.');
    const key = pendingKey(state);
    const raw = await this.store.get(key);
    if (!raw) throw signInFailed('This sign-in attempt is unknown or expired (each link works once, for 10 minutes).');
    await this.store.delete(key);
    const pending = JSON.parse(raw) as PendingLogin;
    const configuration = await this.discover();
    const currentUrl = new URL(pending.redirectUri);
    currentUrl.search = search.toString();
    try {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw signInFailed('The provider returned no ID token.');
      let claims: Record<string, unknown> = { ...idClaims };
      // Providers put profile claims in the ID token or only behind userinfo; read both.
      if (configuration.serverMetadata().userinfo_endpoint && tokens.access_token) {
        claims = {
          ...(await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)),
          ...idClaims,
        };
      }
      return { claims, returnTo: pending.returnTo };
    } catch (error) {
      throw this.explain(error);
    }
  }

  private explain(error: unknown): Error {
    if (error instanceof PorticoError) return error;
    if (error instanceof client.AuthorizationResponseError)
      return signInFailed(`The identity provider refused the sign-in: ${error.error}${error.error_description ? ` (${error.error_description})` : ''}.`);
    if (error instanceof client.ResponseBodyError)
      return signInFailed(`The identity provider refused to exchange the code: ${error.error}${error.error_description ? ` (${error.error_description})` : ''}.`);
    if (error instanceof client.ClientError) return signInFailed(`The provider's answer failed a check: ${error.message}.`);
    this.logger.error('OpenID Connect callback failed', {
      error: (error as Error)?.message ?? String(error),
    });
    return new PorticoError({
      status: 502,
      code: 'identity-provider-unavailable',
      title: 'Identity provider unavailable',
      detail: `Completing the sign-in with ${this.issuer.href} failed (${(error as Error)?.message ?? error}). Try again shortly.`,
    });
  }
}
