import { existsSync, statSync } from 'node:fs';
import { isPorticoError } from '@portico/plugin-api';
import { EXPORT_USAGE, runExportCommand } from './export-command';
import { IMPORT_EXPORT_USAGE, runImportExportCommand } from './import-export-command';
import { runVerifyCommand, VERIFY_USAGE } from './verify-command';
import type { Print, TransferOptions } from './transfer-options';

export const TRANSFER_USAGE = [EXPORT_USAGE, IMPORT_EXPORT_USAGE, VERIFY_USAGE].join('\n');

/** Import formats that name a source type (`import backstage <source>`); any other single argument is an export folder. */
const IMPORT_FORMATS = ['backstage', 'port'];

/** Runs export, verify and the import of an export; undefined when `args` is another catalog command. */
export function runTransferCommand(args: string[], options: TransferOptions, print: Print, printError: Print): Promise<number> | undefined {
  const [verb, ...rest] = args;
  const guarded = async (run: () => Promise<number>): Promise<number> => {
    try {
      return await run();
    } catch (error) {
      // Settings problems (no Redis, a portal holding the store, not an export) are PorticoErrors with a fix in the message.
      printError(isPorticoError(error) ? error.message : `portico catalog ${verb} failed: ${(error as Error).message}`);
      return 2;
    }
  };
  if (verb === 'export' && rest.length === 0) return guarded(() => runExportCommand(options, print, printError));
  if (verb === 'verify' && rest.length <= 1) return guarded(() => runVerifyCommand(rest[0], options, print, printError));
  if (verb === 'import' && rest.length === 1 && !IMPORT_FORMATS.includes(rest[0])) {
    if (existsSync(rest[0]) && !statSync(rest[0]).isDirectory()) {
      printError(`${rest[0]} is a file; "portico catalog import <folder>" reads a catalog export folder. For Backstage files: portico catalog import backstage ${rest[0]}`);
      return Promise.resolve(2);
    }
    return guarded(() => runImportExportCommand(rest[0], options, print, printError));
  }
  return undefined;
}
