#!/usr/bin/env node
// `npm start`: builds what is stale, then starts the demo portal of app-template with the
// plugins in plugins/ (embedded store unless REDIS_URL is set).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, workspacePackages } from '../src/workspace-packages.mjs';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const stale = workspacePackages().filter(({ dir, pkg }) => {
  if (!pkg.scripts?.build || !existsSync(join(dir, 'src'))) return false;
  const dist = join(dir, 'dist');
  return !existsSync(dist) || newest(join(dir, 'src')) > newest(dist);
});
if (stale.length > 0) {
  console.log(`Building ${stale.map((s) => s.pkg.name).join(', ')} (first start, or sources changed)...`);
  // Without type declarations, which a running portal never reads (`npm run build` makes them).
  const build = spawnSync('npx', ['lerna', 'run', 'build', '--loglevel', 'warn'], { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, PORTICO_BUILD_TYPES: '0' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const args = [join(repoRoot, 'core/kernel/dist/portico.mjs'), 'start', '--config', join(repoRoot, 'app-template/portico.config.yaml'), ...process.argv.slice(2)];
const child = spawn(process.execPath, args, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
