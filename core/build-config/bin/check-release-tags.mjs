#!/usr/bin/env node
// Fails when an export of a public package has no TSDoc release tag (@public, @beta, @alpha or
// @internal), naming the file, line and export, so the API reports state each export's stability.
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compilerOptionsOf, untaggedExports } from '../src/release-tags.mjs';
import { repoRoot, workspacePackages } from '../src/workspace-packages.mjs';

/** The source files a package's typed exports are built from, read from its rollup config's inputs. */
async function entrySources(dir, pkg) {
  const configs = (await import(pathToFileURL(join(dir, 'rollup.config.mjs')).href)).default;
  const inputs = Object.assign({}, ...configs.map((c) => (typeof c.input === 'object' && !Array.isArray(c.input) ? c.input : {})));
  const sources = [];
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const types = typeof target === 'object' ? target.import?.types : undefined;
    if (!types) continue;
    const name = types.replace(/^\.\/dist\//, '').replace(/\.d\.mts$/, '');
    if (!inputs[name]) throw new Error(`${pkg.name}: the export "${subpath}" (${types}) matches no input of ${relative(repoRoot, join(dir, 'rollup.config.mjs'))}`);
    sources.push(inputs[name]);
  }
  return sources;
}

const entries = [];
for (const { dir, pkg } of workspacePackages()) {
  if (pkg.private || !pkg.exports) continue;
  entries.push(...(await entrySources(dir, pkg)));
}
const untagged = untaggedExports(entries, compilerOptionsOf(join(repoRoot, 'tsconfig.json')));
for (const { name, file, line } of untagged) {
  console.error(`${relative(repoRoot, file)}:${line}: the export "${name}" has no release tag: add @public (stable), @alpha (may still change) or @internal to its doc comment.`);
}
if (untagged.length > 0) {
  console.error(`\n${untagged.length} export(s) without a release tag.`);
  process.exit(1);
}
console.log(`release tags: every export of ${entries.length} entry point(s) is tagged`);
