import { ValidationError } from '@portico/plugin-api';

const BASE = 'http://portal.invalid';

/**
 * The page to land on after sign-in: a path on this portal and nothing else. `//evil.example`,
 * `/\evil.example`, `https://…` and paths with control characters all leave the portal (or
 * can, in some browser), so they are refused rather than "fixed".
 */
export function safeReturnTo(value: unknown): string {
  if (value === undefined || value === '') return '/';
  const pointer = [
    {
      pointer: '/query/returnTo',
      message: 'must be a path on this portal, such as /catalog',
    },
  ];
  const how = 'returnTo must be a path on this portal that starts with a single "/", such as /catalog/service/cart.';
  if (typeof value !== 'string' || value.length > 2000) throw new ValidationError(`returnTo is not a path. ${how}`, pointer);
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\') || /[\u0000-\u001f\u007f]/.test(value)) {
    throw new ValidationError(`returnTo "${value.slice(0, 200)}" would leave the portal, and is refused. ${how}`, pointer);
  }
  const url = new URL(value, BASE);
  if (url.origin !== BASE) throw new ValidationError(`returnTo "${value.slice(0, 200)}" would leave the portal, and is refused. ${how}`, pointer);
  return url.pathname + url.search + url.hash;
}
