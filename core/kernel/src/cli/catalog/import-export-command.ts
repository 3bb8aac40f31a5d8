import { resolve } from 'node:path';
import { importExport } from '@portico/catalog';
import { startProgressBar } from '../progress-bar';
import { openCatalogStore } from './open-catalog-store';
import type { Print, TransferOptions } from './transfer-options';

export const IMPORT_EXPORT_USAGE = `  portico catalog import <export-folder> [--store embedded|redis]
      writes an export into the store so that it ends equal to it (versions and meta kept);
      idempotent, and a rerun after a crash resumes from import-checkpoint.json`;

export async function runImportExportCommand(dir: string, options: TransferOptions, print: Print, printError: Print): Promise<number> {
  const folder = resolve(dir);
  const target = await openCatalogStore(options.configPath, options.store, options, 'target');
  const check = startProgressBar(`Checking ${folder} against its manifest`);
  let bar: ReturnType<typeof startProgressBar> | undefined;
  try {
    const report = await importExport(target.store, folder, {
      target: target.description,
      onCheck: (done, total) => check.update(done, total),
      onProgress: (done, total) => {
        if (!bar) {
          check.done('The export matches its manifest');
          bar = startProgressBar(`Importing into ${target.description}`);
        }
        bar.update(done, total);
      },
    });
    bar?.done('Imported');
    print(`Imported ${folder} into ${target.description}: ${report.created} created, ${report.updated} updated, ${report.unchanged} already equal${report.resumed ? `, ${report.resumed} done by the interrupted run it resumed` : ''}; kinds: ${report.kinds.written} written, ${report.kinds.unchanged} already equal.`);
    if (report.renumbered.length) print(`${report.renumbered.length} entities the store had deleted came back at the version after their deleted one (versions never repeat): ${report.renumbered.slice(0, 20).join(', ')}${report.renumbered.length > 20 ? ', ...' : ''}`);
    return 0;
  } catch (error) {
    (bar ?? check).fail('Import stopped');
    printError(`The import stopped: ${(error as Error).message}`);
    printError('Run the same command again to resume: what was written is kept, and the checkpoint beside the export says where to go on.');
    return 1;
  } finally {
    await target.close();
  }
}
