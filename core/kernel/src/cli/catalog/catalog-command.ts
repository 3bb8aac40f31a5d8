import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EntityInput } from '@portico/plugin-api';
import { readPortalContext } from '../../plugins/install/portal-context';
import { findRunningPortal } from '../plugin/running-portal';
import { runApply } from './apply-command';
import { runImportPort } from './import-port-command';
import { writeEntitiesThroughApi, type PortalClient } from './write-entities-through-api';
import { runTransferCommand, TRANSFER_USAGE } from './transfer-commands';
import { startProgressBar } from '../progress-bar';
import type { TransferOptions } from './transfer-options';

export const CATALOG_USAGE = `Usage:
  portico catalog import backstage <file|folder|url|git-url> [--url <portal>] [--token <token>] [--dry-run]
  portico catalog import port <export.json> [--url <portal>] [--token <token>] [--dry-run]
  portico catalog apply -f <file|folder> [--url <portal>] [--token <token>] [--dry-run] [--allow-large-delete]

Reads Backstage catalog-info.yaml files (following Location targets), maps them onto the
software-catalog kinds and writes them through the portal's REST API, so permissions and the
audit log apply. The portal is --url, else the portal running on this folder (--config).
The token is --token, else PORTICO_TOKEN: a token with entity write permission.
--dry-run prints the report and writes nothing (no portal needed).
A git URL ends in .git (or starts with git@ / git+); add #<branch> to pick one.
Keeping a repository in sync is the software-catalog plugin's backstage provider (see
docs/plugins/software-catalog.md).
"import port" reads Port's blueprints and entities ({"blueprints": [...], "entities": [...]}),
creates a kind per blueprint, writes the entities, and compares the computed values the
export shows with the portal's (docs/port-import.md); the token also needs kind write permission.
"apply" makes the catalog match catalog files (docs/catalog-as-code.md): --dry-run prints the
plan (create, update with field changes, delete) and changes nothing; it needs the portal too,
which computes the plan.


Backups and moves (docs/moving-data.md; the store is read directly, stop a portal on an
embedded store first; --store/--from/--to take embedded[:<folder>] or redis[:<keyPrefix>],
with --data-dir, --redis-url, --key-prefix):
${TRANSFER_USAGE}`;

type Print = (line: string) => void;

interface BackstageImporter {
  BackstageSources: new (sources: unknown[]) => { load(options?: { exists?: (kind: string, id: string) => Promise<boolean> }): Promise<{ entities: EntityInput[]; report: { errors: unknown[] } & Record<string, unknown> }> };
  parseSourceArgument(argument: string): unknown;
  formatImportReport(report: unknown): string[];
}

/** The importer ships with the software-catalog plugin (its kinds are the target): loaded from the app's own install. */
async function loadImporter(configPath: string): Promise<BackstageImporter> {
  const name = '@portico/plugin-software-catalog';
  let entry: string;
  try {
    entry = createRequire(resolve(configPath)).resolve(name);
  } catch {
    throw new Error(`${name} is not installed next to ${configPath}: the Backstage importer ships with it ("portico plugin add ${name}").`);
  }
  return (await import(pathToFileURL(entry).href)) as BackstageImporter;
}

export interface CatalogCommandOptions {
  configPath: string;
  url?: string;
  token?: string;
  dryRun: boolean;
  /** `apply -f <file|folder>`. */
  file?: string;
  allowLargeDelete?: boolean;
  /** Export, verify and the import of an export read the store directly (see transfer-commands.ts). */
  transfer?: Omit<TransferOptions, 'configPath'>;
}

export async function runCatalogCommand(args: string[], options: CatalogCommandOptions, print: Print, printError: Print): Promise<number> {
  const transfer = runTransferCommand(args, { ...options.transfer, configPath: options.configPath }, print, printError);
  if (transfer) return transfer;
  const [verb, format, source, ...extra] = args;
  if (verb === 'import' && format === 'port' && source && !extra.length) return runImportPort(source, options, print, printError);
  if (verb === 'apply' && (options.file ?? format) && args.length <= (options.file ? 1 : 2)) return runApply((options.file ?? format)!, options, print, printError);
  if (verb !== 'import' || format !== 'backstage' || !source || extra.length) {
    printError(verb === 'import' && format && format !== 'backstage' ? `Unknown import format "${format}": "backstage" and "port" are supported.\n\n${CATALOG_USAGE}` : CATALOG_USAGE);
    return 2;
  }
  let portal: PortalClient | undefined;
  if (!options.dryRun) {
    const url = options.url ?? (existsSync(options.configPath) ? findRunningPortal((await readPortalContext(options.configPath)).dataDir)?.url : undefined);
    if (!url) {
      printError(`No portal to import into: pass --url <portal url>, or start the portal for ${options.configPath} ("portico start"). --dry-run only prints the report.`);
      return 2;
    }
    const token = options.token ?? process.env.PORTICO_TOKEN;
    if (!token) {
      printError('An API token is needed to write entities: pass --token <token> or set PORTICO_TOKEN (a token with entity write permission, from auth.tokens or the Tokens page).');
      return 2;
    }
    portal = { url: url.replace(/\/$/, ''), token };
  }
  let importer: BackstageImporter;
  try {
    importer = await loadImporter(options.configPath);
  } catch (error) {
    printError((error as Error).message);
    return 1;
  }
  const sources = new importer.BackstageSources([importer.parseSourceArgument(source)]);
  const { entities, report } = await sources.load();
  for (const line of importer.formatImportReport(report)) print(line);
  if (!portal) {
    print(`Dry run: ${entities.length} entities would be written; nothing was.`);
    return report.errors.length ? 1 : 0;
  }
  let written;
  const bar = startProgressBar(`Writing to ${portal.url}`);
  try {
    written = await writeEntitiesThroughApi(portal, entities, { onProgress: (done, total) => bar.update(done, total) });
    bar.done(`Wrote ${entities.length} entities`);
  } catch (error) {
    bar.fail('The import stopped');
    printError(`The import stopped: ${(error as Error).message}`);
    return 1;
  }
  print(`Written to ${portal.url}: ${written.created} created, ${written.updated} updated, ${written.unchanged} unchanged, ${written.failed.length} refused.`);
  for (const failure of written.failed) printError(`  ${failure.kind}/${failure.id}: ${failure.detail}`);
  return report.errors.length || written.failed.length ? 1 : 0;
}
