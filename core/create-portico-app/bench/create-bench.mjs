#!/usr/bin/env node
// The create benchmark (a script, not a test): `npm run bench:create`.
// Publishes every public package to a local verdaccio (setup, not timed), warms npm's cache with
// one untimed `npm create portico-app`, then times, with that warm cache:
//   create: `npm create portico-app@latest <dir> -- --yes` until it exits (files + npm install);
//   start:  `npm start` in the new portal until `/readyz` answers 200;
// and, as the baseline measured in the same run, a bare `npm install` of the same package.json
// in an empty folder (what npm alone costs). Prints one JSON line; the target is
// create + start under 60 s on a 2-core machine.
import { spawnSync } from 'node:child_process';
import { timeToReady } from '@portico/build-config/time-to-ready';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { startLocalRegistry } = require('@portico/build-config/local-registry');
const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../..');

function run(command, args, cwd, env) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return (performance.now() - started) / 1000;
}

const registry = await startLocalRegistry();
const work = mkdtempSync(join(tmpdir(), 'portico-create-bench-'));
// A cache of its own, so "warm" means warmed by this run, not by whatever ran before.
const env = { ...process.env, ...registry.env, npm_config_cache: join(work, 'npm-cache') };
delete env.REDIS_URL;
delete env.PORTICO_CONDITIONS;
try {
  const publish = run(process.execPath, [join(repoRoot, 'core/build-config/bin/release.mjs'), '--no-version', '--no-build'], repoRoot, env);
  const cold = run('npm', ['create', 'portico-app@latest', 'warm-up', '--', '--yes'], work, env);
  const create = run('npm', ['create', 'portico-app@latest', 'acme', '--', '--yes'], work, env);
  const start = await timeToReady(join(work, 'acme'), env, { timeoutMs: 120_000 });
  const bare = join(work, 'bare');
  mkdirSync(bare);
  for (const file of ['package.json', '.npmrc']) copyFileSync(join(work, 'acme', file), join(bare, file));
  const npmInstall = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], bare, env);
  const round = (s) => Math.round(s * 10) / 10;
  console.log(
    JSON.stringify({
      bench: 'create-portico-app',
      publishSeconds: round(publish),
      coldCacheCreateSeconds: round(cold),
      createSeconds: round(create),
      startToReadySeconds: round(start),
      commandToReadySeconds: round(create + start),
      baselineBareNpmInstallSeconds: round(npmInstall),
      targetSeconds: 60,
    }),
  );
} finally {
  await registry.stop();
  rmSync(work, { recursive: true, force: true });
}
