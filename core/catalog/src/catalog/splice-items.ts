import type { Entity } from '@portico/plugin-api';

const OPEN = Buffer.from('{"items":[');
const COMMA = Buffer.from(',');

/**
 * `{"items":[doc,doc,...` + `tail`, where each doc is stored JSON (bytes or text) or an
 * entity object; missing documents (null) are left out. When the store handed over bytes
 * the answer is assembled as bytes, so a page of documents is never decoded to text and
 * encoded again on its way to the socket.
 */
export function spliceItems(docs: Array<Entity | string | Buffer | null>, tail: string): string | Buffer {
  const present = docs.filter((d) => d !== null);
  if (!present.some((d) => Buffer.isBuffer(d))) {
    return `{"items":[${present.map((d) => (typeof d === 'string' ? d : JSON.stringify(d))).join(',')}${tail}`;
  }
  const parts: Buffer[] = [OPEN];
  present.forEach((d, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(Buffer.isBuffer(d) ? d : Buffer.from(typeof d === 'string' ? d : JSON.stringify(d)));
  });
  parts.push(Buffer.from(tail));
  return Buffer.concat(parts);
}
