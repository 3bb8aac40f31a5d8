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
