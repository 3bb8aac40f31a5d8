/**
 * Sources of entities applied from catalog files (`portico catalog apply`, the git folder sync) start with this.
 * @alpha
 */
export const CODE_SOURCE_PREFIX = 'code:';

/**
 * The file an entity is managed in (`catalog/services.yaml`), or null when it does not come
 * from code. The file is `meta.source` after `code:`: the applied folder's name, then the
 * file's path inside it.
 * @alpha
 */
export function managedInCode(entity: { meta?: { source?: string } } | null | undefined): string | null {
  const source = entity?.meta?.source;
  return source?.startsWith(CODE_SOURCE_PREFIX) ? source.slice(CODE_SOURCE_PREFIX.length) : null;
}
