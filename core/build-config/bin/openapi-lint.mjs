#!/usr/bin/env node
// Lints the OpenAPI document of the demo portal (every kernel route and the shipped
// plugins' routes) with Redocly's recommended rules: security schemes, 4xx answers,
// operation ids. Needs built packages (`npm run build`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../src/workspace-packages.mjs';
import { writeDemoOpenApi } from '../src/demo-openapi.mjs';

const dir = mkdtempSync(join(tmpdir(), 'portico-openapi-lint-'));
const out = join(dir, 'openapi.json');
try {
  const status = writeDemoOpenApi(out);
  if (status !== 0) process.exit(status);
  const lint = spawnSync(join(repoRoot, 'node_modules/.bin/redocly'), ['lint', out, '--config', join(repoRoot, 'core/build-config/redocly.yaml'), '--format', 'stylish'], { stdio: 'inherit', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } });
  process.exitCode = lint.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
