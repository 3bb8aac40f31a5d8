// Benchmarks' shared step: `npm start` in a folder, timed until `/readyz` answers 200, then stopped
// (its whole process group, so the portal does not outlive the bench).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const { freePort } = createRequire(import.meta.url)('./local-registry.cjs');

/** Seconds from `npm start` to a ready portal; `onOutput` sees what it printed. */
export async function timeToReady(dir, env, { timeoutMs = 300_000, onOutput } = {}) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start'], { cwd: dir, env: { ...env, PORT: String(port), LOG_LEVEL: env.LOG_LEVEL ?? 'warn' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout.on('data', (chunk) => onOutput?.(chunk.toString()));
  child.stderr.on('data', (chunk) => onOutput?.(chunk.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error('the portal exited before it was ready');
      const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
      if (ok) return (performance.now() - started) / 1000;
      if (performance.now() - started > timeoutMs) throw new Error(`the portal was not ready within ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
  }
}
