import type { Entity, EntityInput } from '@portico/plugin-api';

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Whether writing `input` would change nothing of `stored`, so a resync can skip it (no new version, no event). */
export function sameEntity(stored: Entity | undefined, input: EntityInput): boolean {
  if (!stored) return false;
  const relations = (r: Record<string, unknown> | undefined): Record<string, unknown> => Object.fromEntries(Object.entries(r ?? {}).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0)));
  return (
    stored.title === input.title &&
    (stored.description ?? null) === (input.description ?? null) &&
    (stored.owner ?? null) === (input.owner ?? null) &&
    stable(stored.properties) === stable(input.properties ?? {}) &&
    stable(relations(stored.relations)) === stable(relations(input.relations))
  );
}
