#!/usr/bin/env node
// `npm run docs:build`: installs the docs site's own dependencies (docs/site, not a workspace, so
// the root `npm ci` stays as it is), writes the demo portal's OpenAPI document for its REST
// reference, and builds it with Docusaurus, which fails on a broken link. Needs built packages.
// Prints one JSON line of figures: seconds spent installing and building.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeDemoOpenApi } from '../src/demo-openapi.mjs';
import { repoRoot } from '../src/workspace-packages.mjs';

const site = join(repoRoot, 'docs', 'site');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(args) {
  const started = Date.now();
  const result = spawnSync(npm, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`"npm ${args.join(' ')}" failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  return (Date.now() - started) / 1000;
}

const install = run(['ci', '--prefix', site, '--no-audit', '--no-fund']);
mkdirSync(join(site, 'generated'), { recursive: true });
const status = writeDemoOpenApi(join(site, 'generated', 'openapi.json'));
if (status !== 0) {
  console.error('"portico openapi" could not write the document: run "npm run build" first.');
  process.exit(status);
}
const build = run(['run', 'build', '--prefix', site]);
console.log(JSON.stringify({ bench: 'docs-site', installSeconds: install, buildSeconds: build, totalSeconds: Number((install + build).toFixed(1)) }));
