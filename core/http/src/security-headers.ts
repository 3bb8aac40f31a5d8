import helmet from 'helmet';
import type { RequestHandler } from 'express';

/** @public */
export interface SecurityHeadersOptions {
  /**
   * Sources scripts may also come from, beside the portal's own origin: the web UI passes the
   * hashes of its inline scripts (`'sha256-…'`), so no inline script runs unless it is the shell's.
   */
  scriptSrc?: string[];
  /**
   * Sources of Web Workers (`worker-src`); without it workers follow `script-src`. The API
   * reference page (Redoc) passes `blob:`, which its search worker is made from.
   */
  workerSrc?: string[];
}

/**
 * Security headers on every answer (helmet): a Content-Security-Policy that allows only the
 * portal's own scripts, modules and connections (plugin UI bundles are served from the portal,
 * so they satisfy it), no framing, no MIME sniffing, no referrer leaks to other sites.
 * `style-src 'unsafe-inline'` stays because MUI (emotion) writes its styles into <style> tags.
 * @public
 */
export function securityHeaders(options: SecurityHeadersOptions = {}): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", ...(options.scriptSrc ?? [])],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'script-src-attr': ["'none'"],
        ...(options.workerSrc ? { 'worker-src': ["'self'", ...options.workerSrc] } : {}),
      },
    },
    referrerPolicy: { policy: 'same-origin' },
  }) as RequestHandler;
}
