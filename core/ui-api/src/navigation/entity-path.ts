import type { EntityRef } from '@portico/plugin-api';

/**
 * The portal path of an entity page.
 * @alpha
 */
export function entityPath(ref: EntityRef): string {
  return `/catalog/${encodeURIComponent(ref.kind)}/${encodeURIComponent(ref.id)}`;
}

/**
 * The portal path of a run page.
 * @alpha
 */
export function runPath(runId: string): string {
  return `/runs/${encodeURIComponent(runId)}`;
}
