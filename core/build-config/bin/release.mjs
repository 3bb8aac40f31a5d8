#!/usr/bin/env node
// `npm run release [-- --registry <url>] [--no-version] [--no-build]`: versions every package
// with a pending changeset (CHANGELOG.md per package) and commits that, builds and checks every
// package, and publishes each public package whose version the registry does not have yet,
// with the repository's LICENSE inside (changeset publish). The registry defaults to npm's
// configured one.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot, workspacePackages } from '../src/workspace-packages.mjs';

const USAGE = `Usage: npm run release -- [--registry <url>] [--no-version] [--no-build]
  --registry <url>  publish there (default: npm's configured registry)
  --no-version      publish the versions in package.json as they are (no changeset version, no commit)
  --no-build        publish the dist/ folders as they are (they must exist)`;

let options;
try {
  options = parseArgs({
    options: {
      registry: { type: 'string' },
      'no-version': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
} catch (error) {
  console.error(`${error.message}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

const env = options.registry ? { ...process.env, npm_config_registry: options.registry } : process.env;

function run(command, args, what) {
  console.log(`\n> ${what}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`Release stopped: ${what} failed (exit code ${result.status}). Nothing after this step ran.`);
}

function git(args) {
  return spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' });
}

try {
  release();
} catch (error) {
  console.error(`\n${error.message}`);
  process.exit(1);
}

function release() {
  if (!options['no-version']) {
    run('npx', ['changeset', 'version'], 'version packages from .changeset/');
    run('npm', ['install', '--package-lock-only', '--no-audit', '--no-fund'], 'record the new versions in package-lock.json');
    if (git(['status', '--porcelain']).stdout.trim() !== '') {
      const versions = workspacePackages()
        .filter(({ pkg }) => !pkg.private)
        .map(({ pkg }) => `${pkg.name}@${pkg.version}`)
        .join('\n');
      run('git', ['add', '-A'], 'stage the version bumps');
      run('git', ['commit', '-q', '-m', `Release\n\n${versions}`], 'commit the version bumps');
    }
  }
  if (!options['no-build']) run('npx', ['lerna', 'run', 'build', '--loglevel', 'warn'], 'build every package');
  run(process.execPath, [join(repoRoot, 'core/build-config/bin/check-packages.mjs')], 'check every package with publint');

  // Every published package carries the repository's LICENSE (npm packs a LICENSE beside package.json).
  const licensed = [];
  for (const { dir, pkg } of workspacePackages()) {
    if (pkg.private) continue;
    const target = join(dir, 'LICENSE');
    if (!existsSync(target)) {
      copyFileSync(join(repoRoot, 'LICENSE'), target);
      licensed.push(target);
    }
  }
  try {
    // A versioned release tags each published package@version; republishing as-is tags nothing.
    run('npx', ['changeset', 'publish', ...(options['no-version'] ? ['--no-git-tag'] : [])], 'publish what the registry lacks');
  } finally {
    for (const file of licensed) rmSync(file, { force: true });
    if (licensed.length > 0) console.log(`Removed the LICENSE copies from ${licensed.map((file) => relative(repoRoot, join(file, '..'))).join(', ')}.`);
  }
}
