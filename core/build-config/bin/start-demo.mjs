#!/usr/bin/env node
// `npm start`: builds what is stale, then starts the demo portal of app-template with the
// plugins in plugins/ (embedded store unless REDIS_URL is set).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildPackages } from '../src/build-packages.mjs';
import { repoRoot, workspacePackages } from '../src/workspace-packages.mjs';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** The workspace packages the demo portal runs: app-template's, and what they depend on and peer on. */
function packagesTheDemoRuns() {
  const all = new Map(workspacePackages().map((p) => [p.pkg.name, p]));
  const seen = new Set();
  const visit = (name) => {
    const found = all.get(name);
    if (!found || seen.has(found)) return;
    seen.add(found);
    for (const dep of Object.keys({ ...found.pkg.dependencies, ...found.pkg.peerDependencies })) visit(dep);
  };
  for (const dep of Object.keys(all.get('portico-app-template')?.pkg.dependencies ?? {})) visit(dep);
  return [...seen];
}

const stale = packagesTheDemoRuns().filter(({ dir, pkg }) => {
  if (!pkg.scripts?.build || !existsSync(join(dir, 'src'))) return false;
  const dist = join(dir, 'dist');
  return !existsSync(dist) || newest(join(dir, 'src')) > newest(dist);
});
if (stale.length > 0) {
  const started = Date.now();
  console.log(`Building ${stale.map((s) => s.pkg.name).join(', ')} (first start, or sources changed)...`);
  // ES modules only, without type declarations, which a running portal never reads (`npm run build` makes everything).
  process.env.PORTICO_BUILD = 'start';
  try {
    await buildPackages(
      stale.map((s) => s.dir),
      { log: process.env.LOG_LEVEL === 'debug' ? (line) => console.log(line) : undefined },
    );
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
const args = [join(repoRoot, 'core/kernel/dist/portico.mjs'), 'start', '--config', join(repoRoot, 'app-template/portico.config.yaml'), ...process.argv.slice(2)];
const child = spawn(process.execPath, args, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
