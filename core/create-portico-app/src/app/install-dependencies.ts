import { spawn } from 'node:child_process';

/** Progress lines as npm prints them, and the outcome. */
export interface InstallProgress {
  line(text: string): void;
}

/**
 * Runs `npm install` in the new portal (inheriting npm's registry settings), passing its output
 * lines to `progress`. Resolves with npm's output when it fails, so the caller can show it.
 * `--prefer-offline` takes what npm's cache already has: the versions package.json asks for are
 * the ones released with this create-portico-app, so a stale cache cannot satisfy them wrongly.
 */
export function installDependencies(dir: string, progress: InstallProgress): Promise<{ ok: true } | { ok: false; output: string }> {
  return new Promise((resolveInstall) => {
    const child = spawn('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel', 'http'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    let output = '';
    let partial = '';
    const onData = (chunk: Buffer) => {
      const text = partial + chunk.toString();
      output += chunk.toString();
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) progress.line(line.trim());
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => resolveInstall({ ok: false, output: `${output}\n${error.message}` }));
    child.on('close', (code) => resolveInstall(code === 0 ? { ok: true } : { ok: false, output }));
  });
}
