import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { startPortal } from '../portal/start-portal';
import { startWorker } from '../portal/start-worker';
import { resolvePort } from './resolve-port';
import { writeOpenApi } from './write-openapi';
import { PLUGIN_USAGE, runPluginCommand } from './plugin/plugin-command';
import { CATALOG_USAGE, runCatalogCommand } from './catalog/catalog-command';
import { MIGRATE_USAGE, runMigrateCommand } from './migrate/migrate-command';
import { readReloadRequest, removePortalNote, writePortalNote, writeReloadAnswer } from './plugin/running-portal';

const USAGE = `Usage:
  portico start  [--config portico.config.yaml] [--port 7007] [--strict] [--no-worker]
  portico worker [--config portico.config.yaml] [--strict]
  portico openapi [--config portico.config.yaml] [--out openapi.json]
  portico plugin add|remove|upgrade|list ...   (portico plugin --help)
  portico catalog import backstage|port <source> [--url <portal>] [--token <token>] [--dry-run]   (portico catalog --help)
  portico catalog apply -f <file|folder> [--dry-run]   (portico catalog --help)
  portico catalog export|import|verify ...   (backups; portico catalog --help)
  portico migrate --from embedded --to redis [-o <folder>]   (portico migrate --help)

The port comes from --port, else PORT, else portal.port in the config (default 7007).
Without REDIS_URL, "start" uses the embedded store (data in .portico-data next to the config).
"worker" executes queued action runs and needs REDIS_URL.
"start --no-worker" (or actions.worker: false in the config) serves the API and UI only:
its runs are queued for "portico worker" processes (needs REDIS_URL).
A running "start" re-reads the plugins of its config on SIGHUP (what "portico plugin" sends).`;

/**
 * Runs the CLI; resolves with the process exit code once the command has stopped.
 * @public
 */
export async function runCli(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string', short: 'c', default: 'portico.config.yaml' },
        port: { type: 'string', short: 'p' },
        strict: { type: 'boolean', default: false },
        worker: { type: 'boolean' },
        'no-worker': { type: 'boolean' },
        out: { type: 'string', short: 'o' },
        url: { type: 'string' },
        token: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        file: { type: 'string', short: 'f' },
        'allow-large-delete': { type: 'boolean', default: false },
        // export, import of an export, verify, migrate: which stores (transfer-options.ts)
        store: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        'data-dir': { type: 'string' },
        'redis-url': { type: 'string' },
        'key-prefix': { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const [command] = parsed.positionals;
  if (command === 'plugin' && (parsed.values.help || parsed.positionals.length < 2)) {
    process.stdout.write(`${PLUGIN_USAGE}\n`);
    return parsed.values.help ? 0 : 2;
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const transfer = { out: values.out as string | undefined, store: values.store as string | undefined, from: values.from as string | undefined, to: values.to as string | undefined, dataDir: values['data-dir'] as string | undefined, redisUrl: values['redis-url'] as string | undefined, keyPrefix: values['key-prefix'] as string | undefined, force: values.force as boolean };
  if (command === 'migrate') {
    if (parsed.values.help) {
      process.stdout.write(`${MIGRATE_USAGE}\n`);
      return 0;
    }
    return runMigrateCommand({ ...transfer, configPath: parsed.values.config as string }, (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`));
  }
  if (command === 'catalog') {
    if (parsed.values.help || parsed.positionals.length < 2) {
      process.stdout.write(`${CATALOG_USAGE}\n`);
      return parsed.values.help ? 0 : 2;
    }
    // Before the config check: with --url, a catalog import needs no config file here.
    return runCatalogCommand(
      parsed.positionals.slice(1),
      {
        configPath: parsed.values.config as string,
        url: parsed.values.url as string | undefined,
        token: parsed.values.token as string | undefined,
        dryRun: parsed.values['dry-run'] as boolean,
        file: parsed.values.file as string | undefined,
        allowLargeDelete: parsed.values['allow-large-delete'] as boolean,
        transfer,
      },
      (line) => process.stdout.write(`${line}\n`),
      (line) => process.stderr.write(`${line}\n`),
    );
  }
  if (parsed.values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return parsed.values.help ? 0 : 2;
  }
  const configPath = parsed.values.config as string;
  if (!existsSync(configPath)) {
    process.stderr.write(`Config file ${configPath} not found: create one (see app-template/portico.config.yaml) or pass --config <file>.\n`);
    return 2;
  }
  const { port, error: portError } = resolvePort(parsed.values.port, process.env.PORT);
  if (portError) {
    process.stderr.write(`${portError}\n`);
    return 2;
  }
  if (command === 'plugin') {
    return runPluginCommand(parsed.positionals.slice(1), configPath, (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`));
  }
  let stop: () => Promise<void>;
  try {
    if (command === 'start') {
      // --no-worker: an API-only instance; without the flag the config's actions.worker decides.
      const inProcessWorker = parsed.values['no-worker'] ? false : parsed.values.worker;
      const portal = await startPortal({ configPath, port, strict: parsed.values.strict, host: process.env.HOST ?? '127.0.0.1', inProcessWorker });
      process.stdout.write(`Portico is running at ${portal.url} (plugins: ${portal.plugins.map((p) => `${p.id} ${p.status}`).join(', ') || 'none'}${portal.runsWorker ? '' : '; no worker: runs wait for "portico worker"'})\n`);
      // `portico plugin` finds this process through a note in the data folder, and asks it to
      // re-read its plugins with SIGHUP; one reload at a time, answered in the same folder.
      writePortalNote(portal.dataDir, { pid: process.pid, url: portal.url, configPath });
      let reloading = Promise.resolve();
      const onHangup = (): void => {
        reloading = reloading.then(async () => {
          const request = readReloadRequest(portal.dataDir);
          try {
            const result = await portal.reloadPlugins();
            writeReloadAnswer(portal.dataDir, { request, pid: process.pid, ...result });
          } catch (error) {
            writeReloadAnswer(portal.dataDir, { request, pid: process.pid, changes: [], failures: [], error: `${configPath} could not be read, nothing changed: ${(error as Error).message}` });
          }
        });
      };
      process.on('SIGHUP', onHangup);
      stop = async () => {
        process.off('SIGHUP', onHangup);
        removePortalNote(portal.dataDir);
        await portal.close();
      };
    } else if (command === 'openapi') {
      await writeOpenApi({ configPath, out: parsed.values.out as string | undefined, strict: parsed.values.strict });
      return 0;
    } else if (command === 'worker') {
      if (!process.env.REDIS_URL) {
        process.stderr.write('portico worker needs Redis: set REDIS_URL (for example redis://127.0.0.1:6379). Without Redis, "portico start" runs actions in-process.\n');
        return 2;
      }
      const worker = await startWorker({ configPath, strict: parsed.values.strict });
      // As "start" does: SIGHUP re-reads the plugins, so a worker runs the actions of a plugin added live.
      const onHangup = (): void => {
        void worker.reloadPlugins().then(
          (result) => process.stdout.write(`Plugins reloaded: ${result.changes.map((c) => `${c.id} ${c.change}`).join(', ') || 'no change'}${result.failures.length ? `; failed: ${result.failures.map((f) => `${f.plugin}: ${f.error}`).join('; ')}` : ''}\n`),
          (error: Error) => process.stderr.write(`Plugin reload failed, nothing changed: ${error.message}\n`),
        );
      };
      process.on('SIGHUP', onHangup);
      stop = async () => {
        process.off('SIGHUP', onHangup);
        await worker.close();
      };
    } else {
      process.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
      return 2;
    }
  } catch (error) {
    process.stderr.write(`portico ${command} failed: ${(error as Error).message}\n`);
    return 1;
  }
  return new Promise((resolveExit) => {
    let stopping = false;
    const shutdown = (signal: string): void => {
      if (stopping) return;
      stopping = true;
      process.stdout.write(`Received ${signal}, shutting down...\n`);
      stop().then(
        () => resolveExit(0),
        (error: Error) => {
          process.stderr.write(`Shutdown failed: ${error.message}\n`);
          resolveExit(1);
        },
      );
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });
}
