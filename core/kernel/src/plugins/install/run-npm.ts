import { spawn } from 'node:child_process';
import { PluginInstallError } from './plugin-install-error';

export interface NpmResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

/**
 * Runs npm in the portal's folder without blocking the event loop (a running portal keeps
 * answering while it installs). `inherit` shows npm's own progress on the terminal (the CLI);
 * otherwise the output is kept for the error message.
 */
export function spawnNpm(args: string[], cwd: string, options: { inherit?: boolean; timeoutMs?: number } = {}): Promise<NpmResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd, stdio: ['ignore', options.inherit ? 'inherit' : 'pipe', options.inherit ? 'inherit' : 'pipe'], shell: process.platform === 'win32', timeout: options.timeoutMs ?? 300_000 });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ stdout, stderr, code }));
  });
}

/** `npm install|uninstall ...` in the portal's folder; a failure says what npm said. */
export async function runNpm(args: string[], cwd: string, options: { inherit?: boolean } = {}): Promise<void> {
  const result = await spawnNpm([...args, '--no-audit', '--no-fund'], cwd, options);
  if (result.code === 0) return;
  const said = result.stderr.trim().split('\n').slice(-6).join('\n');
  throw new PluginInstallError(`npm ${args.join(' ')} failed (exit ${result.code ?? 'killed'})${options.inherit ? '; its output is above.' : `:\n${said}`}`, 502);
}
