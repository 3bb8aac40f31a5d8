/** A route the shell knows, parsed from the path. */
export type PortalRoute =
  | { page: 'home' }
  | { page: 'catalog'; kind?: string }
  | { page: 'entity'; kind: string; id: string }
  | { page: 'self-service' }
  | { page: 'action'; actionId: string }
  | { page: 'runs' }
  | { page: 'run'; runId: string }
  | { page: 'admin'; section?: string; kind?: string }
  | { page: 'tokens' }
  | { page: 'dashboards' }
  | { page: 'dashboard'; id: string }
  | { page: 'plugin'; path: string };

/** Maps a path to a page; unknown paths become `plugin` routes (a plugin page may own them). */
export function matchRoute(pathname: string): PortalRoute {
  const parts = pathname.split('/').filter(Boolean).map((part) => decodeURIComponent(part));
  const [first, second, third] = parts;
  if (parts.length === 0) return { page: 'home' };
  if (first === 'catalog' && parts.length <= 2) return { page: 'catalog', kind: second };
  if (first === 'catalog' && parts.length === 3) return { page: 'entity', kind: second, id: third };
  if (first === 'self-service' && parts.length === 1) return { page: 'self-service' };
  if (first === 'self-service' && parts.length === 2) return { page: 'action', actionId: second };
  if (first === 'runs' && parts.length === 1) return { page: 'runs' };
  if (first === 'runs' && parts.length === 2) return { page: 'run', runId: second };
  if (first === 'tokens' && parts.length === 1) return { page: 'tokens' };
  if (first === 'dashboards' && parts.length === 1) return { page: 'dashboards' };
  if (first === 'dashboards' && parts.length === 2) return { page: 'dashboard', id: second };
  if (first === 'admin' && parts.length <= 3) return { page: 'admin', section: second, kind: third };
  return { page: 'plugin', path: pathname.replace(/\/+$/, '') || '/' };
}
