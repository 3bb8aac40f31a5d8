/**
 * The `meta.version` of a stored entity document. Documents are written with `meta` last and
 * `version` last in it, so the version is read off the document's tail; anything else is parsed.
 */
export function storedVersion(json: string | Buffer): number {
  const tail = typeof json === 'string' ? json.slice(-40) : json.toString('latin1', Math.max(0, json.length - 40));
  const m = /"version":([0-9]+)\}\}$/.exec(tail);
  if (m) return Number(m[1]);
  return (JSON.parse(json.toString()) as { meta: { version: number } }).meta.version;
}
