import type { Request } from 'express';
import type { Identity } from '@portico/plugin-api';

/**
 * What a request presents: a bearer token, cookies, and the request itself.
 * @public
 */
export interface Credentials {
  /** The token after `Bearer `, when the request sent one. */
  bearer?: string;
  /** The request, for credentials beyond the header (a session cookie); absent for a bare header check. */
  req?: Request;
}

/**
 * One way of proving who one is: config tokens, API tokens, run callback tokens, a
 * session cookie. `undefined`: not a credential of this kind, ask the next source;
 * null: one of this kind that is wrong or expired (the request gets a 401).
 * @public
 */
export interface CredentialSource {
  readonly name: string;
  resolve(credentials: Credentials): Promise<Identity | null | undefined>;
}
