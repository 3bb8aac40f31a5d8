/**
 * Id rules. Kind ids are lowercase slugs; entity ids also allow `.` and `_` (hostnames,
 * package names) but never `/`, `|` or whitespace, because `kind/id` is the reference
 * used as a member in every index and `|` separates index key parts.
 */
export const KIND_ID_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;
export const ENTITY_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,199}$/;
/** Property and relation names become index key parts, so they stay identifier-like. */
export const FIELD_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** `component/cart-service`: the member stored in every index set. */
export function toRef(kind: string, id: string): string {
  return `${kind}/${id}`;
}

export function fromRef(ref: string): { kind: string; id: string } {
  const slash = ref.indexOf('/');
  return { kind: ref.slice(0, slash), id: ref.slice(slash + 1) };
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Pointer of the first prototype-polluting key in a value (programmatic writers skip the HTTP guard). */
export function findForbiddenKey(value: unknown, pointer = ''): string | null {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findForbiddenKey(value[i], `${pointer}/${i}`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const child = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (FORBIDDEN_KEYS.has(key)) return child;
      const found = findForbiddenKey((value as Record<string, unknown>)[key], child);
      if (found) return found;
    }
  }
  return null;
}
