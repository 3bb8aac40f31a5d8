import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A JSON-lines log. `append` returns after the bytes are handed to the kernel (write(2)),
 * so an acknowledged write survives a process crash or restart; `fsync: true` also
 * survives a machine crash at the cost of a disk flush per batch.
 */
export class AppendLog {
  private fd: number;
  private readonly path: string;

  constructor(
    dir: string,
    private readonly fsync = false,
  ) {
    mkdirSync(dir, { recursive: true });
    this.path = join(dir, 'catalog.log.jsonl');
    this.fd = openSync(this.path, 'a');
  }

  /** Every complete record; a torn last line (a write cut by a crash, never acknowledged) is skipped. */
  read(onTornLine: (line: string) => void): unknown[] {
    if (!existsSync(this.path)) return [];
    let text = readFileSync(this.path, 'utf8');
    // A torn tail is cut off, so the next append starts on a fresh line instead of gluing onto it.
    const end = text.lastIndexOf('\n') + 1;
    if (end < text.length) {
      onTornLine(text.slice(end, end + 80));
      truncateSync(this.path, Buffer.byteLength(text.slice(0, end)));
      text = text.slice(0, end);
    }
    const records: unknown[] = [];
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (!line) continue;
      try {
        records.push(JSON.parse(line));
      } catch {
        onTornLine(line.slice(0, 80));
      }
    }
    return records;
  }

  /** Records are objects, or JSON text already serialised by the caller. */
  append(records: unknown[]): void {
    if (records.length === 0) return;
    const text = records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
    writeSync(this.fd, text);
    if (this.fsync) fsyncSync(this.fd);
  }

  /** Replaces the log by `records` (a snapshot) atomically: write aside, flush, rename. */
  rewrite(records: Iterable<unknown>): void {
    const tmp = `${this.path}.compact`;
    const fd = openSync(tmp, 'w');
    let chunk: string[] = [];
    for (const record of records) {
      chunk.push(typeof record === 'string' ? record : JSON.stringify(record));
      if (chunk.length >= 1000) {
        writeSync(fd, chunk.join('\n') + '\n');
        chunk = [];
      }
    }
    if (chunk.length) writeSync(fd, chunk.join('\n') + '\n');
    fsyncSync(fd);
    closeSync(fd);
    closeSync(this.fd);
    renameSync(tmp, this.path);
    this.fd = openSync(this.path, 'a');
  }

  close(): void {
    closeSync(this.fd);
  }
}
