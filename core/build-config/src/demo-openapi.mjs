// The OpenAPI document of the demo portal (every kernel route and the shipped plugins' routes),
// written by the built `portico openapi`: what the API lint checks and the docs site renders.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './workspace-packages.mjs';

/** Writes the document to `out`; returns the exit status (0 when written). Needs built packages. */
export function writeDemoOpenApi(out) {
  const env = { ...process.env, LOG_LEVEL: 'warn' };
  // A built CLI runs the built packages, not the sources jest maps to.
  delete env.PORTICO_CONDITIONS;
  const written = spawnSync(process.execPath, [join(repoRoot, 'core/kernel/dist/portico.mjs'), 'openapi', '--config', join(repoRoot, 'app-template/portico.config.yaml'), '--out', out], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
  return written.status ?? 1;
}
