import type { Entity } from '@portico/plugin-api';

/** Weak ETag from meta.version: the version identifies the entity's state. */
export function etagOf(entity: Entity): string {
  return etagOfVersion(entity.meta.version);
}

export function etagOfVersion(version: number): string {
  return `W/"${version}"`;
}

/**
 * The version an `If-Match` header asks for; undefined when absent or `*`. A tag that is
 * not one of ours can never match, which answers 412 (version -1 never exists).
 */
export function ifMatchVersion(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const m = /^\s*(?:W\/)?"([0-9]{1,15})"\s*$/.exec(header);
  return m ? Number(m[1]) : -1;
}
