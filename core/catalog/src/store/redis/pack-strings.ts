/** A MessagePack array of strings (what the write script unpacks with cmsgpack). */
export function packStrings(items: string[]): Buffer {
  const lengths = new Array<number>(items.length);
  let size = 5;
  for (let i = 0; i < items.length; i++) {
    const length = Buffer.byteLength(items[i]);
    lengths[i] = length;
    size += length + (length < 32 ? 1 : length < 256 ? 2 : length < 65536 ? 3 : 5);
  }
  const buffer = Buffer.allocUnsafe(size);
  buffer[0] = 0xdd;
  buffer.writeUInt32BE(items.length, 1);
  let offset = 5;
  for (let i = 0; i < items.length; i++) {
    const length = lengths[i];
    if (length < 32) buffer[offset++] = 0xa0 | length;
    else if (length < 256) {
      buffer[offset++] = 0xd9;
      buffer[offset++] = length;
    } else if (length < 65536) {
      buffer[offset++] = 0xda;
      buffer.writeUInt16BE(length, offset);
      offset += 2;
    } else {
      buffer[offset++] = 0xdb;
      buffer.writeUInt32BE(length, offset);
      offset += 4;
    }
    offset += buffer.write(items[i], offset, length, 'utf8');
  }
  return buffer;
}
