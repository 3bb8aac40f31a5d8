import { resolve } from 'node:path';
import { ExportSnapshot, formatVerifyReport, verifyCatalogs } from '@portico/catalog';
import { startProgressBar } from '../progress-bar';
import { openCatalogStore, STORE_SPEC_HELP, type OpenedStore } from './open-catalog-store';
import type { Print, TransferOptions } from './transfer-options';

export const VERIFY_USAGE = `  portico catalog verify <export-folder> [--store embedded|redis]
  portico catalog verify --from <store> --to <store>      (${STORE_SPEC_HELP})
      lists every difference per kind (missing, extra, changed with field paths);
      exits 1 when there is any`;

/** Verifies an export against a store, or two stores; prints the report. */
export async function runVerifyCommand(dir: string | undefined, options: TransferOptions, print: Print, printError: Print): Promise<number> {
  if (!dir && !(options.from && options.to)) {
    printError(`Verify what? Pass an export folder, or --from <store> --to <store>.\n\n${VERIFY_USAGE}`);
    return 2;
  }
  const opened: OpenedStore[] = [];
  try {
    const expected = dir ? new ExportSnapshot(resolve(dir)) : (opened[opened.length] = await openCatalogStore(options.configPath, options.from, options, 'compare')).snapshot;
    const actual = (opened[opened.length] = await openCatalogStore(options.configPath, dir ? options.store : options.to, options, 'compare')).snapshot;
    const bar = startProgressBar(`Comparing ${actual.description} with ${expected.description}`);
    const report = await verifyCatalogs(expected, actual, { onProgress: (done, total) => bar.update(done, total) });
    bar.done(report.equal ? 'No differences' : `${report.differences.length} kinds differ`);
    for (const line of formatVerifyReport(report)) print(line);
    return report.equal ? 0 : 1;
  } catch (error) {
    printError(`Verify stopped: ${(error as Error).message}`);
    return 2;
  } finally {
    for (const store of opened) await store.close();
  }
}
