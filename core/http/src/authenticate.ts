import type { RequestHandler } from 'express';
import { UnauthorizedError, type Identity } from '@portico/plugin-api';
import type { RequestWithContext } from './api-router';

/** Sets `req.identity`; a request the authenticator refuses gets a 401 problem. */
export function authenticate(resolve: (authorization: string | undefined) => Promise<Identity | null>): RequestHandler {
  return async (req: RequestWithContext, _res, next) => {
    const identity = await resolve(req.get('authorization'));
    if (!identity) {
      return next(new UnauthorizedError('This portal needs an API token: send "Authorization: Bearer <token>" with a token from portico.config.yaml.'));
    }
    req.identity = identity;
    next();
  };
}
