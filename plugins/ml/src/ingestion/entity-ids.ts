import { createHash } from 'node:crypto';

/**
 * A catalog id for an MLflow name (which may hold capitals, spaces or slashes): lower case with
 * other characters as `-`, plus a short hash of the name when that changed it, so two names
 * that fold to the same text stay apart.
 */
export function mlEntityId(name: string): string {
  const folded = name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '').slice(0, 180);
  if (folded === name && folded) return folded;
  return `${folded || 'x'}-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}

/** A model version's id: `<model id>.v<version>`. */
export function modelVersionId(model: string, version: string): string {
  return `${mlEntityId(model)}.v${version}`;
}
