/**
 * Writes a MessagePack array of strings (what the write script unpacks with cmsgpack)
 * straight into a growing buffer: one native UTF-8 write per string, its header sized by
 * the string's worst-case byte length and filled in after the write (MessagePack readers
 * accept a wider header than needed), so no string is measured or copied twice.
 */
export class StringPacker {
  private buffer: Buffer;
  private offset = 5;
  private count = 0;

  constructor(capacity = 1 << 16) {
    this.buffer = Buffer.allocUnsafe(Math.max(capacity, 64));
  }

  private ensure(bytes: number): void {
    if (this.offset + bytes <= this.buffer.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.offset + bytes));
    this.buffer.copy(next, 0, 0, this.offset);
    this.buffer = next;
  }

  add(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    const max = 3 * text.length;
    const header = max < 32 ? 1 : max < 256 ? 2 : max < 65536 ? 3 : 5;
    this.ensure(header + max);
    const start = this.offset;
    const length = text.length === 0 ? 0 : this.buffer.write(text, start + header, 'utf8');
    const b = this.buffer;
    if (header === 1) b[start] = 0xa0 | length;
    else if (header === 2) {
      b[start] = 0xd9;
      b[start + 1] = length;
    } else if (header === 3) {
      b[start] = 0xda;
      b.writeUInt16BE(length, start + 1);
    } else {
      b[start] = 0xdb;
      b.writeUInt32BE(length, start + 1);
    }
    this.offset = start + header + length;
    this.count++;
  }

  /** The packed array (a view of the buffer: add nothing after this). */
  finish(): Buffer {
    this.buffer[0] = 0xdd;
    this.buffer.writeUInt32BE(this.count, 1);
    return this.buffer.subarray(0, this.offset);
  }
}

export function packStrings(items: string[]): Buffer {
  let capacity = 5;
  for (const item of items) capacity += 3 * item.length + 5;
  const packer = new StringPacker(capacity);
  for (const item of items) packer.add(item);
  return packer.finish();
}
