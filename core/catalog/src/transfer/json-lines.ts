import { createReadStream } from 'node:fs';

export interface JsonLine {
  value: unknown;
  /** 1-based line number in the file. */
  line: number;
  /** Byte offset just after this line: where a resumed read starts. */
  end: number;
}

/**
 * The JSON values of a JSON-lines file from a byte offset, with line numbers and offsets.
 * A line that is not JSON is reported as `{ error }` at its line, and reading goes on.
 */
export async function* readJsonLines(path: string, from: { offset: number; line: number } = { offset: 0, line: 0 }): AsyncGenerator<JsonLine | { error: string; line: number }> {
  let offset = from.offset;
  let line = from.line;
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { start: from.offset, highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const buffer: Buffer = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let newline = buffer.indexOf(10, start); newline !== -1; newline = buffer.indexOf(10, start)) {
      line += 1;
      offset += newline - start + 1;
      const text = buffer.toString('utf8', start, newline);
      start = newline + 1;
      if (!text.trim()) continue;
      try {
        yield { value: JSON.parse(text) as unknown, line, end: offset };
      } catch (error) {
        yield { error: `is not JSON (${(error as Error).message})`, line };
      }
    }
    rest = buffer.subarray(start);
  }
  if (rest.length && rest.toString('utf8').trim()) yield { error: 'is cut off (no line end): the file is incomplete', line: line + 1 };
}
