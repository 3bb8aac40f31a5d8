import type { Entity } from '@portico/plugin-api';

/**
 * The entity's ETag, for `If-Match`: the catalog tags an entity with its `meta.version`
 * (`W/"<version>"`, see getEntity), so a write fails with 412 if anyone wrote it since.
 */
export function entityEtag(entity: Entity): string {
  return `W/"${entity.meta.version}"`;
}
