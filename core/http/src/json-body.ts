import express, { type RequestHandler } from 'express';
import { ValidationError } from '@portico/plugin-api';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function findForbiddenKey(value: unknown, pointer: string): string | null {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findForbiddenKey(value[i], `${pointer}/${i}`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const child = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (FORBIDDEN_KEYS.has(key)) return child;
      const found = findForbiddenKey((value as Record<string, unknown>)[key], child);
      if (found) return found;
    }
  }
  return null;
}

/**
 * JSON bodies up to `limit`, with the raw bytes kept on `req.rawBody` (for signature checks)
 * and prototype-polluting keys refused with a 400 that names where they are.
 */
export function jsonBody(options: { limit?: string | number } = {}): RequestHandler[] {
  return [
    express.json({
      limit: options.limit ?? '1mb',
      type: ['application/json', 'application/*+json'],
      verify: (req, _res, buf) => {
        (req as unknown as { rawBody: Buffer }).rawBody = Buffer.from(buf);
      },
    }),
    (req, _res, next) => {
      const pointer = findForbiddenKey(req.body, '');
      if (pointer !== null) {
        return next(
          new ValidationError(`The key at ${pointer} is not allowed: "__proto__", "constructor" and "prototype" cannot be used as keys.`, [
            { pointer, message: 'forbidden key' },
          ]),
        );
      }
      next();
    },
  ];
}
