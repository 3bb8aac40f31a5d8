import type { CookieOptions, Request, Response } from 'express';
import { parse } from 'cookie';
import { SESSION_COOKIE } from '@portico/http';

/** How the session cookie is set: readable by no script, sent on same-site requests and top-level navigations only. */
export interface SessionCookieOptions {
  secure: boolean;
  maxAgeMs: number;
}

export function readCookie(req: Request | undefined, name: string): string | undefined {
  const header = req?.headers.cookie;
  if (!header) return undefined;
  return parse(header)[name] || undefined;
}

export function readSessionCookie(req: Request | undefined): string | undefined {
  return readCookie(req, SESSION_COOKIE);
}

function baseOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure };
}

export function setSessionCookie(res: Response, id: string, options: SessionCookieOptions): void {
  res.cookie(SESSION_COOKIE, id, {
    ...baseOptions(options.secure),
    maxAge: options.maxAgeMs,
  });
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, baseOptions(secure));
}
