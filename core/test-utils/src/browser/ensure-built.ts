import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/**
 * Runs a package's own `rollup -c` when `output` (relative to `dir`) is missing or older than any
 * file under `sources`: a browser test needs the plugin's UI bundle, and rebuilding only what
 * changed keeps test runs short.
 * @alpha
 */
export function ensureBuilt(dir: string, output = join('dist', 'ui.mjs'), sources: string[] = ['src']): void {
  const out = join(dir, output);
  if (existsSync(out) && statSync(out).mtimeMs >= Math.max(...sources.map((s) => newest(join(dir, s))))) return;
  try {
    execFileSync(process.execPath, [require.resolve('rollup/dist/bin/rollup'), '-c', 'rollup.config.mjs'], { cwd: dir, stdio: 'pipe' });
  } catch (error) {
    throw new Error(`building ${dir} failed:\n${(error as { stderr?: Buffer }).stderr?.toString()}`);
  }
}
