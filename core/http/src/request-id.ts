import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { RequestWithContext } from './api-router';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every request an id (the caller's `X-Request-Id` when well-formed) and echoes it.
 * @public
 */
export function requestId(): RequestHandler {
  return (req: RequestWithContext, res, next) => {
    const incoming = req.get('x-request-id');
    req.requestId = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', req.requestId);
    next();
  };
}
