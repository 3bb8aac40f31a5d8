import type { Request, RequestHandler } from 'express';
import { UnauthorizedError, type Identity } from '@portico/plugin-api';
import type { RequestWithContext } from './api-router';

/**
 * Sets `req.identity`; a request the authenticator refuses gets a 401 problem.
 * @public
 */
export function authenticate(resolve: (authorization: string | undefined, req: Request) => Promise<Identity | null>): RequestHandler {
  return async (req: RequestWithContext, _res, next) => {
    const identity = await resolve(req.get('authorization'), req);
    if (!identity) {
      return next(new UnauthorizedError('This portal needs you to sign in (the web UI at / signs you in) or an API token: send "Authorization: Bearer <token>".'));
    }
    req.identity = identity;
    next();
  };
}
