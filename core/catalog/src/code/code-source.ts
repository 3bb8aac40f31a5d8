import { CODE_SOURCE_PREFIX } from '@portico/plugin-api';

/**
 * The source of entities applied from a catalog file: `code:<root>/<path>`, where root is the
 * applied folder's name and path the file inside it. Applying the folder again owns every
 * `code:<root>/…` source, so a file removed from the folder takes its entities with it.
 */
export function codeSource(root: string, path: string): string {
  return `${CODE_SOURCE_PREFIX}${root}/${path}`;
}

/** `code:<root>` of a code source, the group one folder apply compares against; null for other sources. */
export function codeRootOf(source: string): string | null {
  if (!source.startsWith(CODE_SOURCE_PREFIX)) return null;
  const slash = source.indexOf('/', CODE_SOURCE_PREFIX.length);
  return slash === -1 ? null : source.slice(0, slash);
}
