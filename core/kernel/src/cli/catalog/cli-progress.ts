/** Progress of a long catalog command. */
export interface CliProgress {
  start(total: number, message: string): void;
  advance(step: number, message: string): void;
  stop(message: string): void;
}

const SILENT: CliProgress = { start() {}, advance() {}, stop() {} };

/**
 * On a terminal, clack's progress bar (the library create-portico-app shows its install
 * with); elsewhere (CI, a pipe, a test) nothing, so the printed report is the whole output.
 * clack is ESM only and loaded when there is a terminal to draw on.
 */
export async function cliProgress(output: NodeJS.WriteStream = process.stdout): Promise<CliProgress> {
  if (!output.isTTY) return SILENT;
  const prompts = await import('@clack/prompts');
  let bar: ReturnType<typeof prompts.progress> | undefined;
  return {
    start(total, message) {
      bar = prompts.progress({ max: Math.max(total, 1), output });
      bar.start(message);
    },
    advance(step, message) {
      bar?.advance(step, message);
    },
    stop(message) {
      bar?.stop(message);
      bar = undefined;
    },
  };
}
