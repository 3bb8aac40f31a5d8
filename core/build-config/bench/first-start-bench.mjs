#!/usr/bin/env node
// The repository's own first start (a script, not a test): `npm run bench:start`.
// Clones this repository's committed HEAD into a temporary folder and runs `npm ci` there (setup,
// timed but not the figure), then times the first `npm start` until `/readyz` answers (it builds
// every package the demo runs), and, as the baseline measured in the same run, a second
// `npm start` with nothing to build (what starting the portal alone costs). Prints one JSON line;
// the target is a first start under 30 s on a 2-core machine.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timeToReady } from '../src/time-to-ready.mjs';
import { repoRoot } from '../src/workspace-packages.mjs';

function run(command, args, cwd) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 600_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return (performance.now() - started) / 1000;
}

const work = mkdtempSync(join(tmpdir(), 'portico-start-bench-'));
const env = { ...process.env };
delete env.REDIS_URL;
delete env.PORTICO_CONDITIONS;
try {
  run('git', ['clone', '--quiet', repoRoot, join(work, 'repo')], work);
  const dir = join(work, 'repo');
  const npmCi = run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel', 'error'], dir);
  let output = '';
  const first = await timeToReady(dir, env, { onOutput: (text) => (output += text) });
  const built = /Built in ([\d.]+) s/.exec(output);
  const warm = await timeToReady(dir, env);
  const round = (s) => Math.round(s * 10) / 10;
  console.log(
    JSON.stringify({
      bench: 'first-npm-start',
      npmCiSeconds: round(npmCi),
      firstStartToReadySeconds: round(first),
      buildSeconds: built ? Number(built[1]) : null,
      baselineWarmStartToReadySeconds: round(warm),
      targetSeconds: 30,
    }),
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
