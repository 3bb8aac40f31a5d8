import { hasPermission } from '@portico/plugin-api';

/**
 * The permissions held under both lists, with families and `*` understood: a scope the
 * owner holds stays as it is; a wider scope (`cicd.*`) keeps only the owner's grants it
 * covers (`cicd.deploy`). So a token never holds more than its owner does today.
 */
export function intersectPermissions(scopes: string[], held: string[]): string[] {
  const result = new Set<string>();
  for (const scope of scopes) {
    if (hasPermission({ permissions: held }, scope)) result.add(scope);
    else for (const grant of held) if (hasPermission({ permissions: [scope] }, grant)) result.add(grant);
  }
  return [...result];
}
