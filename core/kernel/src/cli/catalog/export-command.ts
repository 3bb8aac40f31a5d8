import { resolve } from 'node:path';
import { exportCatalog } from '@portico/catalog';
import { startProgressBar } from '../progress-bar';
import { openCatalogStore } from './open-catalog-store';
import type { Print, TransferOptions } from './transfer-options';

export const EXPORT_USAGE = `  portico catalog export [-o <folder>] [--store embedded|redis]
      writes kinds and entities (with their relations) as JSON lines and a manifest of
      counts and hashes per kind; reads the store directly (a stopped portal's too)`;

/** A folder name that sorts by time: catalog-export-20261204-013000. */
export function defaultExportDir(prefix = 'catalog-export'): string {
  return resolve(`${prefix}-${new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}`);
}

export async function runExportCommand(options: TransferOptions, print: Print, printError: Print): Promise<number> {
  const dir = resolve(options.out ?? defaultExportDir());
  const source = await openCatalogStore(options.configPath, options.store, options, 'source');
  const bar = startProgressBar(`Exporting ${source.description}`);
  try {
    const manifest = await exportCatalog(source.snapshot, dir, { onProgress: (done, total) => bar.update(done, total) });
    bar.done(`Exported ${manifest.totals.entities} entities`);
    print(`Exported ${manifest.totals.entities} entities of ${manifest.totals.kinds} kinds (${manifest.totals.relations} relations) from ${source.description} to ${dir}`);
    for (const [kind, summary] of Object.entries(manifest.kinds)) print(`  ${kind}: ${summary.entities} entities, ${summary.relations} relations, ${summary.hash}`);
    return 0;
  } catch (error) {
    bar.fail('Export failed');
    printError(`The export stopped: ${(error as Error).message}`);
    return 1;
  } finally {
    await source.close();
  }
}
