import { isPorticoError } from '@portico/plugin-api';
import { PluginInstaller, withLatestVersions, type PortalReloader } from '../../plugins/install/plugin-installer';
import { readPortalContext, type PortalContext } from '../../plugins/install/portal-context';
import { askPortalToReload, findRunningPortal } from './running-portal';

export const PLUGIN_USAGE = `Usage:
  portico plugin add <package>[@range]   install a plugin and load it into the running portal
  portico plugin remove <id>             unload it from the running portal and uninstall it
  portico plugin upgrade <id> [range]    install a newer version and swap it in live
  portico plugin list                    installed plugins, their versions and available updates
Options: --config <file> (default portico.config.yaml)`;

type Print = (line: string) => void;

/** The portal running on the folder, asked with SIGHUP (found through its note in the data folder). */
function signalledPortal(context: PortalContext): PortalReloader {
  const running = () => findRunningPortal(context.dataDir);
  return {
    reload: async () => {
      const portal = running();
      return portal ? askPortalToReload(context.dataDir, portal) : undefined;
    },
    describe: () => {
      const portal = running();
      return portal ? `the portal at ${portal.url} (process ${portal.pid}, not restarted)` : 'no running portal';
    },
  };
}

async function list(context: PortalContext, print: Print): Promise<void> {
  const portal = findRunningPortal(context.dataDir);
  print(portal ? `Portal running at ${portal.url} (process ${portal.pid}).` : 'No portal is running on this folder.');
  if (context.installed.length === 0) {
    print(`No plugin packages in ${context.configPath}: "portico plugin add <package>" adds one.`);
    return;
  }
  for (const plugin of await withLatestVersions(context)) {
    const update = plugin.updateAvailable ? `  update available: ${plugin.latest} (portico plugin upgrade ${plugin.id ?? plugin.packageName})` : '';
    print(`${(plugin.id ?? '?').padEnd(20)} ${plugin.packageName.padEnd(40)} ${(plugin.version ?? 'not installed').padEnd(10)} latest ${plugin.latest ?? 'unknown'}${update}`);
  }
}

/** `portico plugin <subcommand>`: resolves with the exit code. */
export async function runPluginCommand(args: string[], configPath: string, print: Print, printError: Print): Promise<number> {
  const [subcommand, target, extra] = args;
  try {
    const context = await readPortalContext(configPath);
    const installer = new PluginInstaller({ context, portal: signalledPortal(context), print, npmOutput: 'inherit' });
    if (subcommand === 'list') await list(context, print);
    else if (subcommand === 'add' && target) await installer.add(target);
    else if (subcommand === 'remove' && target) await installer.remove(target);
    else if (subcommand === 'upgrade' && target) await installer.upgrade(target, extra);
    else {
      printError(PLUGIN_USAGE);
      return 2;
    }
    return 0;
  } catch (error) {
    printError(isPorticoError(error) ? error.message : `portico plugin ${subcommand} failed: ${(error as Error).message}`);
    return 1;
  }
}
