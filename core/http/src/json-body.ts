import express, { type RequestHandler } from 'express';
import { DEFAULT_MAX_JSON_DEPTH, ValidationError, findJsonProblem } from '@portico/plugin-api';

/** Requests whose body was already checked (an app-wide parser ran before a route's own). */
const checked = new WeakSet<object>();

/** @public */
export interface JsonBodyOptions {
  /** Largest body accepted, e.g. `1mb` (default); larger bodies get a 413. */
  limit?: string | number;
  /** Deepest nesting of objects and arrays accepted (default 64); deeper bodies get a 400. */
  maxDepth?: number;
}

/**
 * JSON bodies up to `limit`, with the raw bytes kept on `req.rawBody` (for signature checks),
 * bodies nested deeper than `maxDepth` and prototype-polluting keys refused with a 400 that
 * names where they are. The check is iterative, so no nesting can overflow the stack.
 * @public
 */
export function jsonBody(options: JsonBodyOptions = {}): RequestHandler[] {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_JSON_DEPTH;
  return [
    express.json({
      limit: options.limit ?? '1mb',
      type: ['application/json', 'application/*+json'],
      verify: (req, _res, buf) => {
        (req as unknown as { rawBody: Buffer }).rawBody = Buffer.from(buf);
      },
    }),
    (req, _res, next) => {
      if (checked.has(req)) return next();
      checked.add(req);
      const found = findJsonProblem(req.body, { maxDepth });
      if (found?.problem === 'too-deep') {
        return next(
          new ValidationError(`The request body is nested too deeply: ${found.pointer} is deeper than the limit of ${maxDepth} levels of objects and arrays; send a flatter document.`, [
            { pointer: found.pointer, message: `is nested deeper than ${maxDepth} levels` },
          ], 'too-deep'),
        );
      }
      if (found) {
        return next(
          new ValidationError(`The key at ${found.pointer} is not allowed: "__proto__", "constructor" and "prototype" cannot be used as keys.`, [
            { pointer: found.pointer, message: 'forbidden key' },
          ]),
        );
      }
      next();
    },
  ];
}
