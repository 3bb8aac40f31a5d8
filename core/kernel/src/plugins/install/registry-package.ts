import { readPluginManifest, type PluginManifest } from '@portico/plugin-api';
import { PluginInstallError } from './plugin-install-error';
import { spawnNpm } from './run-npm';

export interface RegistryPackage {
  name: string;
  version: string;
  description?: string;
  manifest: PluginManifest;
}

/** `name`, `name@range`, `@scope/name@range`: the name part. */
export function packageNameOf(spec: string): string {
  const at = spec.indexOf('@', 1);
  return at > 0 ? spec.slice(0, at) : spec;
}

// npm's own rules for a package name (scope optional), and a range without spaces or shell text.
const SPEC = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*(?:@[A-Za-z0-9.^~<>=*|+-]+)?$/;

/** Refuses what is not a package spec before it reaches npm's command line. */
export function checkPackageSpec(spec: unknown): string {
  if (typeof spec !== 'string' || !SPEC.test(spec) || spec.length > 214) {
    throw new PluginInstallError(`"${String(spec)}" is not an npm package name with an optional version range, such as @acme/portico-plugin-x or @acme/portico-plugin-x@^1.2.0.`, 400);
  }
  return spec;
}

/**
 * Reads a plugin's package.json from the registry npm is configured with (`npm view`), before
 * anything is installed: the highest version the spec allows, with its `portico` manifest checked.
 */
export async function readRegistryPackage(spec: string, cwd: string): Promise<RegistryPackage> {
  checkPackageSpec(spec);
  const result = await spawnNpm(['view', spec, '--json'], cwd, { timeoutMs: 60_000 });
  const output = result.stdout.trim();
  if (result.code !== 0) {
    let detail = result.stderr.trim();
    try {
      const parsed = JSON.parse(output) as { error?: { code?: string; summary?: string } };
      if (parsed.error?.code === 'E404') throw new PluginInstallError(`There is no package "${packageNameOf(spec)}" in the registry (npm view ${spec}): check the name, or the registry npm uses (npm config get registry).`, 404);
      detail = parsed.error?.summary ?? detail;
    } catch (error) {
      if (error instanceof PluginInstallError) throw error;
    }
    throw new PluginInstallError(`Could not read ${spec} from the registry: ${detail.split('\n').slice(0, 3).join(' ') || `npm view exited with ${result.code ?? 'a timeout'}`}. Check the network and the registry npm uses (npm config get registry).`, 502);
  }
  if (!output) throw new PluginInstallError(`No version of "${packageNameOf(spec)}" matches "${spec}": "npm view ${packageNameOf(spec)} versions" lists them.`, 404);
  const parsed = JSON.parse(output) as Record<string, unknown> | Array<Record<string, unknown>>;
  // A range matching several versions gives a list, oldest first.
  const pkg = Array.isArray(parsed) ? parsed[parsed.length - 1] : parsed;
  const name = String(pkg.name);
  const version = String(pkg.version);
  const { manifest, problems } = readPluginManifest(pkg);
  if (!manifest) {
    const what = pkg.portico === undefined ? 'is not a Portico plugin' : 'has a malformed Portico manifest';
    throw new PluginInstallError(`${name}@${version} ${what}: ${problems.join('; ')}. Nothing was installed.`, 422);
  }
  return { name, version, description: typeof pkg.description === 'string' ? pkg.description : undefined, manifest };
}
