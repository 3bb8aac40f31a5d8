import { spawnSync } from 'node:child_process';
import { PluginCommandError } from './plugin-command-error';

/** Runs npm in the portal's folder with its output on the terminal (npm's own progress). */
export function runNpm(args: string[], cwd: string): void {
  const result = spawnSync('npm', [...args, '--no-audit', '--no-fund'], { cwd, stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' });
  if (result.status !== 0) throw new PluginCommandError(`npm ${args.join(' ')} failed (exit ${result.status ?? result.signal}); its output is above.`);
}
