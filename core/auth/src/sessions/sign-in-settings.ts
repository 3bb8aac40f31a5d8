import type { Request } from 'express';

/** What the sign-in routes need to know about where the portal is served. */
export interface SignInSettings {
  /** `portal.publicUrl`: the base of the callback URL; default the request's own origin. */
  publicUrl?: string;
  /** `auth.session.secureCookie`; default: when the portal is served over https. */
  secureCookie?: boolean;
}

export function portalBase(req: Request, settings: SignInSettings): string {
  if (settings.publicUrl) return settings.publicUrl.replace(/\/+$/, '');
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

export function secureCookies(req: Request, settings: SignInSettings): boolean {
  return settings.secureCookie ?? portalBase(req, settings).startsWith('https:');
}
