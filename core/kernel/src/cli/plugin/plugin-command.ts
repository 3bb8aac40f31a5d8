import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import type { JsonSchema } from '@portico/plugin-api';
import { pluginExportOf } from '../../plugins/plugin-export';
import { resolvePluginPackage } from '../../plugins/resolve-plugin-package';
import { checkCompatibility } from './check-compatibility';
import { addPluginEntry, removePluginEntry } from './config-plugins';
import { PluginCommandError } from './plugin-command-error';
import { readPortalContext, type PortalContext } from './portal-context';
import { readRegistryPackage } from './registry-manifest';
import { runNpm } from './run-npm';
import { askPortalToReload, findRunningPortal, type ReloadAnswer } from './running-portal';

export const PLUGIN_USAGE = `Usage:
  portico plugin add <package>[@range]   install a plugin and load it into the running portal
  portico plugin remove <id>             unload it from the running portal and uninstall it
  portico plugin upgrade <id> [range]    install a newer version and swap it in live
  portico plugin list                    installed plugins, their versions and available updates
Options: --config <file> (default portico.config.yaml)`;

type Print = (line: string) => void;

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
function outcomeFor(answer: ReloadAnswer, id: string, packageName: string) {
  const failure = answer.failures.find((f) => f.plugin === id || f.plugin === packageName);
  const change = answer.changes.find((c) => c.id === id || c.packageName === packageName);
  return { failure: answer.error ?? failure?.error, change };
}

function findInstalled(context: PortalContext, id: string) {
  const found = context.installed.find((p) => p.id === id || p.packageName === id);
  if (!found) {
    const known = context.installed.map((p) => p.id ?? p.packageName).join(', ') || 'none';
    throw new PluginCommandError(`No plugin "${id}" is listed in ${context.configPath} (installed: ${known}).`);
  }
  return found;
}

async function add(context: PortalContext, spec: string, print: Print): Promise<void> {
  const wanted = readRegistryPackage(spec, context.baseDir);
  const label = `${wanted.name}@${wanted.version}`;
  if (context.installed.some((p) => p.packageName === wanted.name)) {
    throw new PluginCommandError(`${wanted.name} is already in ${context.configPath}: "portico plugin upgrade ${wanted.manifest.id}" changes its version.`);
  }
  const problems = checkCompatibility(label, wanted.manifest, context.provides);
  if (problems.length > 0) throw new PluginCommandError(`Refused, nothing was installed:\n- ${problems.join('\n- ')}`);
  print(`Installing ${label} (plugin "${wanted.manifest.id}")...`);
  runNpm(['install', label], context.baseDir);
  const previous = addPluginEntry(context.configPath, wanted.name, await configSchemaOf(context, wanted.name));
  print(`Added ${wanted.name} to ${context.configPath}.`);
  const portal = findRunningPortal(context.dataDir);
  if (!portal) {
    print(`No portal is running on this folder: "npm start" starts one with ${wanted.manifest.id} loaded.`);
    return;
  }
  const { failure } = outcomeFor(await askPortalToReload(context.dataDir, portal), wanted.manifest.id, wanted.name);
  if (failure) {
    writeFileSync(context.configPath, previous);
    runNpm(['uninstall', wanted.name], context.baseDir);
    throw new PluginCommandError(`The running portal could not load ${label}, so it was uninstalled again and the portal runs as before:\n${failure}`);
  }
  print(`${wanted.manifest.id} ${wanted.version} is live in the portal at ${portal.url} (process ${portal.pid}, not restarted).`);
}

async function remove(context: PortalContext, id: string, print: Print): Promise<void> {
  const installed = findInstalled(context, id);
  const pluginId = installed.id ?? id;
  const previous = removePluginEntry(context.configPath, installed.packageName) as string;
  const portal = findRunningPortal(context.dataDir);
  if (portal) {
    const { failure, change } = outcomeFor(await askPortalToReload(context.dataDir, portal), pluginId, installed.packageName);
    if (failure) {
      writeFileSync(context.configPath, previous);
      throw new PluginCommandError(`The running portal kept ${pluginId}, and ${context.configPath} still lists it:\n${failure}`);
    }
    print(`${pluginId} was unloaded from the portal at ${portal.url} (process ${portal.pid}, not restarted).`);
    if (change?.keptKinds?.length) print(`Its kinds (${change.keptKinds.join(', ')}) and their entities stay in the catalog; delete them in Admin → Kinds if they are no longer wanted.`);
  }
  runNpm(['uninstall', installed.packageName], context.baseDir);
  print(`Removed ${installed.packageName} from ${context.configPath} and node_modules.`);
}

async function upgrade(context: PortalContext, id: string, range: string | undefined, print: Print): Promise<void> {
  const installed = findInstalled(context, id);
  const wanted = readRegistryPackage(`${installed.packageName}@${range ?? 'latest'}`, context.baseDir);
  const label = `${wanted.name}@${wanted.version}`;
  if (installed.version === wanted.version) {
    print(`${installed.packageName} is already at ${wanted.version}.`);
    return;
  }
  const problems = checkCompatibility(label, wanted.manifest, context.provides);
  if (problems.length > 0) throw new PluginCommandError(`Refused, ${installed.packageName} stays at ${installed.version ?? 'its version'}:\n- ${problems.join('\n- ')}`);
  const files = ['package.json', 'package-lock.json'].map((name) => join(context.baseDir, name));
  const before = files.map((file) => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  });
  print(`Installing ${label} (was ${installed.version ?? 'not installed'})...`);
  runNpm(['install', label], context.baseDir);
  const portal = findRunningPortal(context.dataDir);
  if (!portal) {
    print(`No portal is running on this folder: the next "npm start" runs ${wanted.version}.`);
    return;
  }
  const { failure } = outcomeFor(await askPortalToReload(context.dataDir, portal), installed.id ?? id, installed.packageName);
  if (failure) {
    files.forEach((file, i) => before[i] !== undefined && writeFileSync(file, before[i] as string));
    runNpm(['install'], context.baseDir);
    throw new PluginCommandError(`The running portal could not start ${label}; it keeps running ${installed.version} and ${installed.version} was reinstalled:\n${failure}`);
  }
  print(`${installed.id ?? id} is now ${wanted.version} in the portal at ${portal.url} (process ${portal.pid}, not restarted).`);
}

function list(context: PortalContext, print: Print): void {
  const portal = findRunningPortal(context.dataDir);
  print(portal ? `Portal running at ${portal.url} (process ${portal.pid}).` : 'No portal is running on this folder.');
  if (context.installed.length === 0) {
    print(`No plugin packages in ${context.configPath}: "portico plugin add <package>" adds one.`);
    return;
  }
  for (const plugin of context.installed) {
    let latest: string | undefined;
    try {
      latest = readRegistryPackage(`${plugin.packageName}@latest`, context.baseDir).version;
    } catch {
      latest = undefined;
    }
    const update = plugin.version && latest && semver.gt(latest, plugin.version) ? `  update available: ${latest} (portico plugin upgrade ${plugin.id ?? plugin.packageName})` : '';
    print(`${(plugin.id ?? '?').padEnd(20)} ${plugin.packageName.padEnd(40)} ${(plugin.version ?? 'not installed').padEnd(10)} latest ${latest ?? 'unknown'}${update}`);
  }
}

/** `portico plugin <subcommand>`: resolves with the exit code. */
export async function runPluginCommand(args: string[], configPath: string, print: Print, printError: Print): Promise<number> {
  const [subcommand, target, extra] = args;
  try {
    const context = await readPortalContext(configPath);
    if (subcommand === 'list') list(context, print);
    else if (subcommand === 'add' && target) await add(context, target, print);
    else if (subcommand === 'remove' && target) await remove(context, target, print);
    else if (subcommand === 'upgrade' && target) await upgrade(context, target, extra, print);
    else {
      printError(PLUGIN_USAGE);
      return 2;
    }
    return 0;
  } catch (error) {
    printError(error instanceof PluginCommandError ? error.message : `portico plugin ${subcommand} failed: ${(error as Error).message}`);
    return 1;
  }
}
