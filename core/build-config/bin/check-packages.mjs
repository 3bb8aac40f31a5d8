#!/usr/bin/env node
// Lints every publishable package's exports map and files with publint (after a build).
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { readFileSync } from 'node:fs';
import { repoRoot, workspacePackages } from '../src/workspace-packages.mjs';

let failures = 0;
for (const { dir, pkg } of workspacePackages()) {
  if (pkg.private) continue;
  const where = relative(repoRoot, dir);
  if (!existsSync(join(dir, 'dist'))) {
    console.error(`${where}: no dist/ - run "npm run build" first`);
    failures++;
    continue;
  }
  const { messages } = await publint({ pkgDir: dir, level: 'warning', strict: true });
  const pkgJson = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  for (const message of messages) {
    console.error(`${where}: ${message.type}: ${formatMessage(message, pkgJson)}`);
    failures++;
  }
  if (messages.length === 0) console.log(`${where}: publint ok`);
}
if (failures > 0) {
  console.error(`\n${failures} package problem(s) found.`);
  process.exit(1);
}
