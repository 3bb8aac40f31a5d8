// Builds packages with their own rollup configs in a few long-lived worker processes, instead of
// one rollup process per package: `npm start` after `npm ci` pays for loading rollup, swc and the
// plugins once per core, not once per package, and the heaviest bundle (the shell) starts first.
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The configs a package's rollup.config.mjs exports, as rollup's CLI would read them. */
export async function loadPackageConfigs(dir) {
  const mod = await import(pathToFileURL(join(dir, 'rollup.config.mjs')).href);
  const exported = typeof mod.default === 'function' ? await mod.default({}) : mod.default;
  return [exported].flat();
}

/** Bigger first: the shell's app (every shared module), then browser bundles, then Node entries. */
function weightOf(config) {
  const outputs = [config.output].flat();
  if (outputs.some((output) => output?.dir?.endsWith(join('dist', 'app')))) return 3;
  if (outputs.some((output) => output?.file?.endsWith('ui.mjs'))) return 2;
  return 1;
}

/**
 * Builds every config of the given package folders; resolves when all are written, rejects with
 * the first failure (after the other workers stop).
 * @param {string[]} dirs
 * @param {{ workers?: number, log?: (line: string) => void }} [options]
 */
export async function buildPackages(dirs, options = {}) {
  const log = options.log ?? (() => undefined);
  const jobs = [];
  for (const dir of dirs) {
    const configs = await loadPackageConfigs(dir);
    configs.forEach((config, index) => jobs.push({ dir, index, weight: weightOf(config) }));
  }
  jobs.sort((a, b) => b.weight - a.weight);
  const count = Math.max(1, Math.min(options.workers ?? availableParallelism(), jobs.length));
  let failure = null;
  const runWorker = () =>
    new Promise((resolve) => {
      const worker = fork(join(import.meta.dirname, 'build-worker.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      const next = () => {
        const job = failure ? undefined : jobs.shift();
        if (job) worker.send(job);
        else worker.send({ done: true });
      };
      worker.on('message', (message) => {
        if (message.error) failure ??= new Error(`Building ${message.dir} failed: ${message.error}`);
        else log(`built ${message.label} in ${message.seconds} s`);
        next();
      });
      worker.once('exit', (code) => {
        if (code !== 0) failure ??= new Error(`a build worker exited with ${code}`);
        resolve();
      });
      next();
    });
  await Promise.all(Array.from({ length: count }, runWorker));
  if (failure) throw failure;
}
