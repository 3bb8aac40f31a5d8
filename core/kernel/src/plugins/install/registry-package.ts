import { spawnSync } from 'node:child_process';
import { readPluginManifest, type PluginManifest } from '@portico/plugin-api';
import { PluginCommandError } from './plugin-command-error';

export interface RegistryPackage {
  name: string;
  version: string;
  manifest: PluginManifest;
}

/** `name`, `name@range`, `@scope/name@range`: the name part. */
export function packageNameOf(spec: string): string {
  const at = spec.indexOf('@', 1);
  return at > 0 ? spec.slice(0, at) : spec;
}

/**
 * Reads a plugin's package.json from the registry npm is configured with (`npm view`), before
 * anything is installed: the highest version the spec allows, with its `portico` manifest checked.
 */
export function readRegistryPackage(spec: string, cwd: string): RegistryPackage {
  const result = spawnSync('npm', ['view', spec, '--json'], { cwd, encoding: 'utf8', timeout: 60_000, shell: process.platform === 'win32' });
  const output = `${result.stdout ?? ''}`.trim();
  if (result.status !== 0) {
    let detail = `${result.stderr ?? ''}`.trim();
    try {
      const parsed = JSON.parse(output) as { error?: { code?: string; summary?: string } };
      if (parsed.error?.code === 'E404') throw new PluginCommandError(`There is no package "${packageNameOf(spec)}" in the registry (npm view ${spec}): check the name, or the registry npm uses (npm config get registry).`);
      detail = parsed.error?.summary ?? detail;
    } catch (error) {
      if (error instanceof PluginCommandError) throw error;
    }
    throw new PluginCommandError(`Could not read ${spec} from the registry: ${detail.split('\n').slice(0, 3).join(' ') || `npm view exited with ${result.status ?? result.signal}`}. Check the network and the registry npm uses (npm config get registry).`);
  }
  if (!output) throw new PluginCommandError(`No version of "${packageNameOf(spec)}" matches "${spec}": "npm view ${packageNameOf(spec)} versions" lists them.`);
  const parsed = JSON.parse(output) as Record<string, unknown> | Array<Record<string, unknown>>;
  // A range matching several versions gives a list, oldest first.
  const pkg = Array.isArray(parsed) ? parsed[parsed.length - 1] : parsed;
  const name = String(pkg.name);
  const version = String(pkg.version);
  const { manifest, problems } = readPluginManifest(pkg);
  if (!manifest) {
    const what = pkg.portico === undefined ? 'is not a Portico plugin' : 'has a malformed Portico manifest';
    throw new PluginCommandError(`${name}@${version} ${what}: ${problems.join('; ')}. Nothing was installed.`);
  }
  return { name, version, manifest };
}
