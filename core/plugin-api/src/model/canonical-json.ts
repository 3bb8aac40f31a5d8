/**
 * JSON with object keys sorted at every depth and undefined members dropped, so equal request
 * bodies give equal text: the key under which index.html preloads a request and the shell
 * takes its answer (see @portico/ui-api's take-preloaded).
 * @public
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) =>
    member && typeof member === 'object' && !Array.isArray(member)
      ? Object.fromEntries(Object.entries(member as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : member,
  );
}
