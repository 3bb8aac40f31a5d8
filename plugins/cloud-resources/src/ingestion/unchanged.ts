import type { Entity, EntityInput } from '@portico/plugin-api';

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record).filter((k) => record[k] !== undefined && record[k] !== null).sort().map((k) => `${JSON.stringify(k)}:${stable(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Whether writing `input` would change nothing of `stored`, so a resync skips it (no new version, no event). */
export function unchanged(stored: Entity | undefined, input: EntityInput): boolean {
  if (!stored) return false;
  return stored.title === input.title && (stored.owner ?? null) === (input.owner ?? null) && stable(stored.properties) === stable(input.properties ?? {}) && stable(stored.relations) === stable(input.relations ?? {});
}
