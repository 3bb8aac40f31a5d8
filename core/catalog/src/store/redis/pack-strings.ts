/** Strings up to this length are measured and copied in JS when ASCII (cheaper than a call into the Buffer API each). */
const SHORT = 64;

function header(length: number): number {
  return length < 32 ? 1 : length < 256 ? 2 : length < 65536 ? 3 : 5;
}

/** A MessagePack array of strings (what the write script unpacks with cmsgpack). */
export function packStrings(items: string[]): Buffer {
  const lengths = new Array<number>(items.length);
  let size = 5;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    let length = -1;
    if (item.length <= SHORT) {
      length = item.length;
      for (let c = 0; c < item.length; c++) {
        if (item.charCodeAt(c) > 0x7f) {
          length = -1;
          break;
        }
      }
    }
    // -1 - n marks a string written with Buffer.write (n bytes).
    if (length < 0) {
      const bytes = Buffer.byteLength(item);
      lengths[i] = -1 - bytes;
      size += bytes + header(bytes);
    } else {
      lengths[i] = length;
      size += length + header(length);
    }
  }
  const buffer = Buffer.allocUnsafe(size);
  buffer[0] = 0xdd;
  buffer.writeUInt32BE(items.length, 1);
  let offset = 5;
  for (let i = 0; i < items.length; i++) {
    const ascii = lengths[i] >= 0;
    const length = ascii ? lengths[i] : -1 - lengths[i];
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
    if (ascii) {
      const item = items[i];
      for (let c = 0; c < length; c++) buffer[offset++] = item.charCodeAt(c);
    } else offset += buffer.write(items[i], offset, length, 'utf8');
  }
  return buffer;
}
