/** Backstage kinds and the software-catalog kinds they become. */
export const BACKSTAGE_KINDS: Record<string, string> = {
  component: 'component',
  api: 'api',
  resource: 'resource',
  system: 'system',
  domain: 'domain',
  group: 'team',
  user: 'user',
};

export interface BackstageRef {
  /** Lowercase Backstage kind (`component`, `group`...). */
  kind: string;
  namespace: string;
  name: string;
}

/**
 * Parses `[kind:][namespace/]name`. Backstage compares refs case-insensitively, so they are
 * lowercased here; a missing kind or namespace comes from the context (`spec.owner` means a
 * Group, `spec.system` a System...).
 */
export function parseBackstageRef(text: string, context: { defaultKind?: string; defaultNamespace: string }): BackstageRef | null {
  const match = /^(?:([A-Za-z][A-Za-z0-9-]*):)?(?:([A-Za-z0-9][A-Za-z0-9._-]*)\/)?([A-Za-z0-9][A-Za-z0-9._-]*)$/.exec(text.trim());
  if (!match) return null;
  const kind = (match[1] ?? context.defaultKind)?.toLowerCase();
  if (!kind) return null;
  return { kind, namespace: (match[2] ?? context.defaultNamespace).toLowerCase(), name: match[3].toLowerCase() };
}

export function formatBackstageRef(ref: BackstageRef): string {
  return `${ref.kind}:${ref.namespace}/${ref.name}`;
}

/**
 * The Portico id of a Backstage entity: its name in the `default` namespace, otherwise
 * `<namespace>..<name>`. Valid Backstage names never contain `..` and namespaces contain no
 * `.` at all, so the two forms cannot meet; the importer still reports any two refs that
 * map to one id instead of merging them.
 * @public
 */
export function porticoIdOf(ref: Pick<BackstageRef, 'namespace' | 'name'>): string {
  return ref.namespace === 'default' ? ref.name : `${ref.namespace}..${ref.name}`;
}
