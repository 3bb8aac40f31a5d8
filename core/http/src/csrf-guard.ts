import type { Request, RequestHandler } from 'express';
import { ForbiddenError, PorticoError } from '@portico/plugin-api';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Bodies a page on another site may send without a CORS preflight (an HTML form, or fetch without headers). */
const SIMPLE_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'];

/** @public */
export interface CsrfGuardOptions {
  /** The portal's public URL (`portal.publicUrl`), whose origin is accepted beside the request's own host. */
  publicUrl?: string;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function isJson(contentType: string): boolean {
  const type = contentType.split(';')[0].trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
}

/**
 * Refuses cross-site writes that ride on ambient credentials: every POST, PUT, PATCH or DELETE
 * without an `Authorization` header (the guest, or a session cookie) must come from the portal's
 * own pages. A bearer token cannot be sent by another site's page, so those requests pass.
 * Refused: `Sec-Fetch-Site: cross-site` or `same-site` (a sibling host is another site for a
 * portal), an `Origin` that is not the portal's, and bodies that are not JSON (text/plain,
 * forms, multipart: what a page elsewhere can send without a CORS preflight).
 * @public
 */
export function csrfGuard(options: CsrfGuardOptions = {}): RequestHandler {
  const publicOrigin = options.publicUrl ? originOf(options.publicUrl) : null;
  return (req, _res, next) => {
    if (!WRITES.has(req.method) || req.get('authorization')) return next();
    const site = req.get('sec-fetch-site');
    const origin = req.get('origin');
    const own = `${req.protocol}://${req.get('host') ?? ''}`;
    const how = 'Writes from a browser must come from the portal\'s own pages; scripts and other services send "Authorization: Bearer <token>".';
    if (site === 'cross-site' || site === 'same-site') {
      return next(new ForbiddenError(`${req.method} ${req.originalUrl} was sent from another site (Sec-Fetch-Site: ${site}) and is refused to protect signed-in users. ${how}`, { reason: 'cross-site' }));
    }
    if (origin !== undefined && origin !== own && origin !== publicOrigin) {
      return next(new ForbiddenError(`${req.method} ${req.originalUrl} comes from the origin ${origin}, not this portal's (${publicOrigin ?? own}), and is refused to protect signed-in users. ${how}`, { reason: 'cross-origin' }));
    }
    const contentType = req.get('content-type');
    if (contentType ? !isJson(contentType) : hasBody(req)) {
      const simple = contentType && SIMPLE_TYPES.some((type) => contentType.toLowerCase().startsWith(type));
      return next(
        new PorticoError({
          status: 415,
          code: 'unsupported-media-type',
          title: 'Unsupported media type',
          detail: `${req.method} ${req.originalUrl} needs a JSON body ("Content-Type: application/json"), not ${contentType ?? 'a body without a Content-Type'}${simple ? ', which any web page can send' : ''}.`,
        }),
      );
    }
    next();
  };
}
