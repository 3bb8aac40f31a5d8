// Before the browser tests: build the shell when it is missing or older than its sources,
// and build the test plugins' UI bundles (always: they are small).
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const pkgDir = join(__dirname, '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function rollup(args) {
  try {
    execFileSync(process.execPath, [require.resolve('rollup/dist/bin/rollup'), ...args], { cwd: pkgDir, stdio: 'pipe' });
  } catch (error) {
    // Rollup reports progress on stderr too: show its output only when the build failed.
    throw new Error(`rollup ${args.join(' ')} failed:\n${error.stderr}\n${error.stdout}`);
  }
}

module.exports = async function globalSetup() {
  const manifest = join(pkgDir, 'dist', 'app', 'manifest.json');
  const sources = Math.max(newestMtime(join(pkgDir, 'src')), newestMtime(join(pkgDir, '..', 'ui-api', 'src')), newestMtime(join(pkgDir, '..', 'plugin-api', 'src')), statSync(join(pkgDir, 'build', 'app-rollup-config.mjs')).mtimeMs);
  if (!existsSync(manifest) || statSync(manifest).mtimeMs < sources) rollup(['-c', 'rollup.config.mjs']);
  rollup(['-c', 'test/fixtures-rollup.config.mjs']);
};
