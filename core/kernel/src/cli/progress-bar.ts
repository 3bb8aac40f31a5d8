import { progress } from '@clack/prompts';

export interface ProgressBar {
  /** The count so far (absolute, not a step) and the total, which may grow. */
  update(done: number, total: number): void;
  /** Ends the bar with a summary line. */
  done(message: string): void;
  /** Ends the bar as failed (on a terminal; the caller prints the error). */
  fail(message: string): void;
}

function rate(done: number, since: number): string {
  // At least a millisecond: a first update in the same millisecond as the start still shows a rate.
  const seconds = Math.max(Date.now() - since, 1) / 1000;
  return `${Math.round(done / seconds).toLocaleString('en-US')}/s`;
}

function line(label: string, done: number, total: number, since: number): string {
  const share = total > 0 ? ` (${Math.floor((done / total) * 100)} %)` : '';
  return `${label}: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}${share}, ${rate(done, since)}`;
}

/**
 * A progress bar with count and rate for a long command: @clack/prompts' bar on a terminal,
 * plain lines (at most one every two seconds) when the output is a file or a pipe, or nothing
 * there with `silentOffTerminal` (for a command whose report already says everything).
 */
export function startProgressBar(label: string, options: { output?: NodeJS.WriteStream; print?: (line: string) => void; silentOffTerminal?: boolean } = {}): ProgressBar {
  const output = options.output ?? process.stderr;
  const print = options.print ?? ((text: string) => output.write(`${text}\n`));
  const since = Date.now();
  let last = { done: 0, total: 0 };
  if (output.isTTY) {
    let bar: ReturnType<typeof progress> | null = null;
    let shown = 0;
    return {
      update(done, total) {
        last = { done, total };
        if (!bar) {
          bar = progress({ max: Math.max(total, 1), output, withGuide: false });
          bar.start(line(label, done, total, since));
        }
        bar.advance(done - shown, line(label, done, total, since));
        shown = done;
      },
      done(message) {
        if (bar) bar.stop(`${message} (${rate(last.done, since)})`);
        else print(message);
      },
      fail(message) {
        if (bar) bar.error(message);
        else print(message);
      },
    };
  }
  if (options.silentOffTerminal) return { update() {}, done() {}, fail() {} };
  let printedAt = 0;
  return {
    update(done, total) {
      last = { done, total };
      if (Date.now() - printedAt < 2000 && done < total) return;
      printedAt = Date.now();
      print(line(label, done, total, since));
    },
    done(message) {
      print(`${message} (${last.done.toLocaleString('en-US')} in ${((Date.now() - since) / 1000).toFixed(1)} s, ${rate(last.done, since)})`);
    },
    // The command reports the error itself; a plain line here would only repeat it.
    fail() {},
  };
}
