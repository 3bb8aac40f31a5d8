/**
 * JSON with object keys sorted at every depth, so equal values always give the same text
 * (and the same SHA-256). Undefined members are dropped as JSON.stringify drops them.
 *
 * Written here rather than taken from a library on purpose: every stored audit record's
 * hash depends on this exact text, so it must never change with a dependency upgrade.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value, new WeakSet())) ?? 'null';
}

function sortKeys(value: unknown, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? value.toString() : value;
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') return sortKeys(withJson.toJSON(), seen);
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => (item === undefined || typeof item === 'function' ? null : sortKeys(item, seen)));
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined && typeof member !== 'function' && typeof member !== 'symbol') sorted[key] = sortKeys(member, seen);
    }
    return sorted;
  } finally {
    seen.delete(value);
  }
}
