/** The sign-in link that comes back to the page the person is on. */
export function signInHref(signInUrl: string, location: Pick<Location, 'pathname' | 'search' | 'hash'> = window.location): string {
  return `${signInUrl}?returnTo=${encodeURIComponent(location.pathname + location.search + location.hash)}`;
}
