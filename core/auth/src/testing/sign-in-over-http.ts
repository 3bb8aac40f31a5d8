/** The cookies a browser would keep, for tests that drive sign-in over plain HTTP. */
export class CookieJar {
  private readonly cookies = new Map<string, { value: string; path: string; expires: number }>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim());
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      let path = '/';
      let expires = Infinity;
      for (const attribute of attributes) {
        const [key, value = ''] = attribute.split('=');
        if (key.toLowerCase() === 'path') path = value;
        if (key.toLowerCase() === 'max-age') expires = Date.now() + Number(value) * 1000;
        if (key.toLowerCase() === 'expires' && expires === Infinity) expires = Date.parse(value);
      }
      if (expires <= Date.now()) this.cookies.delete(name);
      else this.cookies.set(name, { value: pair.slice(at + 1), path, expires });
    }
  }

  /** The Cookie header for a request to `url` (every test server is on 127.0.0.1: cookies ignore ports, as in a browser). */
  header(url: string): string {
    const { pathname } = new URL(url);
    return [...this.cookies]
      .filter(([, cookie]) => cookie.expires > Date.now() && pathname.startsWith(cookie.path))
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join('; ');
  }

  get(name: string): string | undefined {
    return this.cookies.get(name)?.value;
  }

  set(name: string, value: string, path = '/'): void {
    this.cookies.set(name, { value, path, expires: Infinity });
  }
}

/** One request with the jar's cookies and no automatic redirects. */
export async function fetchWithJar(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const cookie = jar.header(url);
  const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
  jar.store(response);
  return response;
}

async function follow(jar: CookieJar, url: string, stopAt: (url: string) => boolean): Promise<string> {
  let current = url;
  for (let hop = 0; hop < 10; hop++) {
    if (stopAt(current)) return current;
    const response = await fetchWithJar(jar, current);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) {
      throw new Error(`${current} answered ${response.status} ${await response.text()} instead of a redirect`);
    }
    current = new URL(location, current).href;
  }
  throw new Error(`Too many redirects from ${url}`);
}

/**
 * Signs `username` in through the portal and the local provider as a browser would, up to the
 * provider's redirect back to the portal: returns that callback URL (so a test can tamper with
 * it) and `finish()`, which calls it and returns the portal's answer. The jar then holds the
 * session cookie.
 */
export async function signInOverHttp(
  portalUrl: string,
  username: string,
  options: { returnTo?: string; jar?: CookieJar } = {},
): Promise<{ jar: CookieJar; callbackUrl: string; finish(url?: string): Promise<Response> }> {
  const jar = options.jar ?? new CookieJar();
  const login = await fetchWithJar(jar, `${portalUrl}/api/v1/auth/login${options.returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(options.returnTo)}`}`);
  if (login.status !== 302) throw new Error(`/auth/login answered ${login.status} ${await login.text()}`);
  const interaction = await follow(jar, login.headers.get('location')!, (url) => new URL(url).pathname.startsWith('/interaction/'));
  const submitted = await fetchWithJar(jar, interaction, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ username }).toString() });
  if (submitted.status !== 303) throw new Error(`The provider refused "${username}": ${submitted.status} ${await submitted.text()}`);
  const callbackUrl = await follow(jar, new URL(submitted.headers.get('location')!, interaction).href, (url) => url.startsWith(portalUrl));
  return { jar, callbackUrl, finish: (url = callbackUrl) => fetchWithJar(jar, url) };
}
