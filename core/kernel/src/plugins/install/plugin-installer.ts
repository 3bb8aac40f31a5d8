import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import type { JsonSchema } from '@portico/plugin-api';
import { pluginExportOf } from '../plugin-export';
import type { PluginChange } from '../plugin-host';
import type { ReconcileResult } from '../reconcile-plugins';
import { resolvePluginPackage } from '../resolve-plugin-package';
import { checkCompatibility } from './check-compatibility';
import { addPluginEntry, removePluginEntry } from './config-plugins';
import { PluginInstallError } from './plugin-install-error';
import type { PortalContext } from './portal-context';
import { readRegistryPackage } from './registry-package';
import { runNpm } from './run-npm';

/** How the running portal is told to re-read its config: by SIGHUP from the CLI, or in process. */
export interface PortalReloader {
  /** Undefined: no portal runs on this folder, so the next start picks the change up. */
  reload(): Promise<(ReconcileResult & { error?: string }) | undefined>;
  /** "the portal at http://... (process 123, not restarted)", for the messages. */
  describe(): string;
}

export interface InstallerOptions {
  context: PortalContext;
  portal: PortalReloader;
  print: (line: string) => void;
  /** npm's progress on the terminal (the CLI); the admin API keeps it for its answers. */
  npmOutput?: 'inherit' | 'capture';
}

export interface InstallOutcome {
  id: string;
  packageName: string;
  version?: string;
  /** Whether a running portal changed (false: none runs on this folder). */
  live: boolean;
  keptKinds?: string[];
}

async function configSchemaOf(context: PortalContext, packageName: string): Promise<JsonSchema | undefined> {
  try {
    const pkg = resolvePluginPackage({ package: packageName }, context.baseDir);
    const mod = (await import(pkg.entryFile)) as Record<string, unknown>;
    return pluginExportOf(mod)?.configSchema;
  } catch {
    return undefined;
  }
}

/** What the running portal said about one plugin: the change made, or why it refused. */
function outcomeFor(answer: ReconcileResult & { error?: string }, id: string, packageName: string): { failure?: string; change?: PluginChange } {
  const failure = answer.failures.find((f) => f.plugin === id || f.plugin === packageName);
  const change = answer.changes.find((c) => c.id === id || c.packageName === packageName);
  return { failure: answer.error ?? failure?.error, change };
}

function findInstalled(context: PortalContext, id: string): PortalContext['installed'][number] {
  const found = context.installed.find((p) => p.id === id || p.packageName === id);
  if (!found) {
    const known = context.installed.map((p) => p.id ?? p.packageName).join(', ') || 'none';
    throw new PluginInstallError(`No plugin "${id}" is listed in ${context.configPath} (installed: ${known}).`, 404);
  }
  return found;
}

/**
 * Installing, upgrading and removing plugin packages of a portal folder, checked against the
 * registry before anything changes and undone when the running portal cannot take the change.
 * The CLI (`portico plugin`) and the admin API (Admin → Plugins) are two faces of this.
 */
export class PluginInstaller {
  private readonly npmOptions: { inherit: boolean };

  constructor(private readonly options: InstallerOptions) {
    this.npmOptions = { inherit: options.npmOutput === 'inherit' };
  }

  async add(spec: string): Promise<InstallOutcome> {
    const { context, portal, print } = this.options;
    const wanted = await readRegistryPackage(spec, context.baseDir);
    const label = `${wanted.name}@${wanted.version}`;
    const sameId = context.installed.find((p) => p.packageName === wanted.name || (p.id && p.id === wanted.manifest.id));
    if (sameId) {
      throw new PluginInstallError(`${sameId.packageName === wanted.name ? wanted.name : `Plugin id "${wanted.manifest.id}" (from ${sameId.packageName})`} is already in ${context.configPath}: "portico plugin upgrade ${wanted.manifest.id}" changes its version.`, 409);
    }
    const problems = checkCompatibility(label, wanted.manifest, context.provides);
    if (problems.length > 0) throw new PluginInstallError(`Refused, nothing was installed:\n- ${problems.join('\n- ')}`, 422);
    print(`Installing ${label} (plugin "${wanted.manifest.id}")...`);
    await runNpm(['install', label], context.baseDir, this.npmOptions);
    const previous = addPluginEntry(context.configPath, wanted.name, await configSchemaOf(context, wanted.name));
    print(`Added ${wanted.name} to ${context.configPath}.`);
    const answer = await portal.reload();
    const outcome = { id: wanted.manifest.id, packageName: wanted.name, version: wanted.version };
    if (!answer) {
      print(`No portal is running on this folder: "npm start" starts one with ${wanted.manifest.id} loaded.`);
      return { ...outcome, live: false };
    }
    const { failure } = outcomeFor(answer, wanted.manifest.id, wanted.name);
    if (failure) {
      writeFileSync(context.configPath, previous);
      await runNpm(['uninstall', wanted.name], context.baseDir, this.npmOptions);
      throw new PluginInstallError(`The running portal could not load ${label}, so it was uninstalled again and the portal runs as before:\n${failure}`, 422);
    }
    print(`${wanted.manifest.id} ${wanted.version} is live in ${portal.describe()}.`);
    return { ...outcome, live: true };
  }

  async remove(id: string): Promise<InstallOutcome> {
    const { context, portal, print } = this.options;
    const installed = findInstalled(context, id);
    const pluginId = installed.id ?? id;
    const previous = removePluginEntry(context.configPath, installed.packageName) as string;
    const answer = await portal.reload();
    let keptKinds: string[] | undefined;
    if (answer) {
      const { failure, change } = outcomeFor(answer, pluginId, installed.packageName);
      if (failure) {
        writeFileSync(context.configPath, previous);
        throw new PluginInstallError(`The running portal kept ${pluginId}, and ${context.configPath} still lists it:\n${failure}`, 409);
      }
      keptKinds = change?.keptKinds;
      print(`${pluginId} was unloaded from ${portal.describe()}.`);
      if (keptKinds?.length) print(`Its kinds (${keptKinds.join(', ')}) and their entities stay in the catalog; delete them in Admin → Kinds if they are no longer wanted.`);
    }
    await runNpm(['uninstall', installed.packageName], context.baseDir, this.npmOptions);
    print(`Removed ${installed.packageName} from ${context.configPath} and node_modules.`);
    return { id: pluginId, packageName: installed.packageName, version: installed.version, live: Boolean(answer), keptKinds };
  }

  async upgrade(id: string, range?: string): Promise<InstallOutcome> {
    const { context, portal, print } = this.options;
    const installed = findInstalled(context, id);
    const pluginId = installed.id ?? id;
    const wanted = await readRegistryPackage(`${installed.packageName}@${range ?? 'latest'}`, context.baseDir);
    const label = `${wanted.name}@${wanted.version}`;
    const outcome = { id: pluginId, packageName: installed.packageName, version: wanted.version };
    if (installed.version === wanted.version) {
      print(`${installed.packageName} is already at ${wanted.version}.`);
      return { ...outcome, live: false };
    }
    const problems = checkCompatibility(label, wanted.manifest, context.provides);
    if (problems.length > 0) throw new PluginInstallError(`Refused, ${installed.packageName} stays at ${installed.version ?? 'its version'}:\n- ${problems.join('\n- ')}`, 422);
    const files = ['package.json', 'package-lock.json'].map((name) => join(context.baseDir, name));
    const before = files.map((file) => {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    });
    print(`Installing ${label} (was ${installed.version ?? 'not installed'})...`);
    await runNpm(['install', label], context.baseDir, this.npmOptions);
    const answer = await portal.reload();
    if (!answer) {
      print(`No portal is running on this folder: the next "npm start" runs ${wanted.version}.`);
      return { ...outcome, live: false };
    }
    const { failure } = outcomeFor(answer, pluginId, installed.packageName);
    if (failure) {
      files.forEach((file, i) => before[i] !== undefined && writeFileSync(file, before[i] as string));
      await runNpm(['install'], context.baseDir, this.npmOptions);
      throw new PluginInstallError(`The running portal could not start ${label}; it keeps running ${installed.version} and ${installed.version} was reinstalled:\n${failure}`, 422);
    }
    print(`${pluginId} is now ${wanted.version} in ${portal.describe()}.`);
    return { ...outcome, live: true };
  }
}

/** The portal's installed plugin packages with the registry's latest version of each (undefined when the registry cannot say). */
export async function withLatestVersions(context: PortalContext): Promise<Array<PortalContext['installed'][number] & { latest?: string; updateAvailable: boolean }>> {
  return Promise.all(
    context.installed.map(async (plugin) => {
      const latest = await readRegistryPackage(`${plugin.packageName}@latest`, context.baseDir).then(
        (pkg) => pkg.version,
        () => undefined,
      );
      return { ...plugin, latest, updateAvailable: Boolean(plugin.version && latest && semver.gt(latest, plugin.version)) };
    }),
  );
}
