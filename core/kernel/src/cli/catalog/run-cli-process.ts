import { execFile } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..', '..', '..');

/**
 * Runs `portico <args>` as its own node process from the sources (SWC on require, as the
 * benchmarks do), for tests of the CLI against a running test portal.
 */
export function runCliProcess(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<{ code: number; out: string; err: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  delete env.PORTICO_CONDITIONS;
  delete env.PORTICO_TOKEN;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--require', join(root, 'core', 'build-config', 'src', 'ts-register.cjs'), join(root, 'core', 'kernel', 'src', 'cli', 'main.ts'), ...args], { cwd: options.cwd, env, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out: stdout, err: stderr });
    });
  });
}
