import type { ErrorRequestHandler, Response } from 'express';
import { isPorticoError, type FieldProblem } from '@portico/plugin-api';
import { storeUnavailable } from './redis-connection';

/** @public */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

/** @public */
export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
}

/**
 * Turns a thrown error into `application/problem+json` (RFC 9457). Never leaks a stack trace.
 * @public
 */
export function problemHandler(options: { onUnexpected?: (error: unknown, requestId: string | undefined) => void } = {}): ErrorRequestHandler {
  return (thrown, req, res, next) => {
    if (res.headersSent) return next(thrown);
    const instance = req.originalUrl;
    // A store outage is the caller's to retry, not a bug: 503, never 500.
    const error = storeUnavailable(thrown) ?? thrown;
    if (isPorticoError(error)) {
      const retryAfter = error.extensions?.retryAfter;
      if (typeof retryAfter === 'number') res.setHeader('retry-after', String(retryAfter));
      return sendProblem(res, {
        ...(error.extensions ?? {}),
        type: error.type,
        title: error.title,
        status: error.status,
        detail: error.message,
        instance,
        ...(error.errors ? { errors: error.errors } : {}),
      });
    }
    const parserError = error as BodyParserError;
    if (parserError.type === 'entity.too.large') {
      return sendProblem(res, {
        type: 'urn:portico:problem:payload-too-large',
        title: 'Payload too large',
        status: 413,
        detail: `The request body is larger than the limit of ${parserError.limit} bytes; send less at once (for example split a bulk request).`,
        instance,
      });
    }
    if (parserError.type === 'entity.parse.failed') {
      return sendProblem(res, {
        type: 'urn:portico:problem:malformed-json',
        title: 'Malformed JSON',
        status: 400,
        detail: `The request body is not valid JSON: ${parserError.message}`,
        instance,
      });
    }
    if (typeof parserError.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
      return sendProblem(res, {
        type: 'urn:portico:problem:bad-request',
        title: 'Bad request',
        status: parserError.status,
        detail: parserError.message,
        instance,
      });
    }
    const requestId = res.getHeader('x-request-id') as string | undefined;
    options.onUnexpected?.(error, requestId);
    return sendProblem(res, {
      type: 'urn:portico:problem:internal',
      title: 'Internal error',
      status: 500,
      detail: `An unexpected error occurred; the server log has the details under request id ${requestId ?? 'unknown'}.`,
      instance,
    });
  };
}

/**
 * The 404 answer for unknown routes under the API.
 * @public
 */
export function notFoundHandler(): import('express').RequestHandler {
  return (req, res) =>
    sendProblem(res, {
      type: 'urn:portico:problem:route-not-found',
      title: 'Not found',
      status: 404,
      detail: `No route ${req.method} ${req.originalUrl}; the API is described at /api/v1/openapi.json.`,
      instance: req.originalUrl,
    });
}
