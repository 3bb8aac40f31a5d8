import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXPORT_FILES, exportCatalog, formatVerifyReport, importExport, verifyCatalogs } from '@portico/catalog';
import { startProgressBar } from '../progress-bar';
import { defaultExportDir } from '../catalog/export-command';
import { openCatalogStore, STORE_SPEC_HELP, type OpenedStore } from '../catalog/open-catalog-store';
import type { Print, TransferOptions } from '../catalog/transfer-options';

export const MIGRATE_USAGE = `Usage:
  portico migrate --from <store> --to <store> [-o <folder>] [--force]
      [--data-dir <folder>] [--redis-url <url>] [--key-prefix <prefix>] [--config portico.config.yaml]

Moves the catalog between stores: exports the source to a folder (-o, default
./catalog-migrate-<time>), imports it into the target, then compares the two stores
entity by entity. It finishes (exit 0) only when they are equal; any difference is listed
and the command exits 1. A store is ${STORE_SPEC_HELP}; the settings not given come
from the config (dataDir, redis.url, redis.keyPrefix) and REDIS_URL. Stop the portal first.
An interrupted migrate resumes when run again with the same -o. A target that already
holds a catalog is refused unless --force (its other entities are kept, and reported).`;

export async function runMigrateCommand(options: TransferOptions, print: Print, printError: Print): Promise<number> {
  if (!options.from || !options.to) {
    printError(MIGRATE_USAGE);
    return 2;
  }
  const dir = resolve(options.out ?? defaultExportDir('catalog-migrate'));
  const opened: OpenedStore[] = [];
  try {
    const source = (opened[opened.length] = await openCatalogStore(options.configPath, options.from, options, 'source'));
    const target = (opened[opened.length] = await openCatalogStore(options.configPath, options.to, options, 'target'));
    if (source.description === target.description) {
      printError(`--from and --to are the same store (${source.description}): nothing to migrate.`);
      return 2;
    }
    print(`Migrating ${source.description} to ${target.description}, through ${dir}`);

    const resuming = existsSync(join(dir, EXPORT_FILES.checkpoint));
    if (!resuming && !options.force && ((await target.store.loadKinds()).length > 0 || (await target.snapshot.count()) > 0)) {
      printError(`${target.description} already holds a catalog (${(await target.store.loadKinds()).length} kinds, ${await target.snapshot.count()} entities): migrate into an empty store (another --key-prefix or --data-dir), or pass --force to import over it (its other entities stay, and verify lists them).`);
      return 1;
    }

    if (existsSync(join(dir, EXPORT_FILES.manifest))) print(`Step 1/3: using the export an earlier run wrote in ${dir}`);
    else {
      const bar = startProgressBar('Step 1/3: exporting');
      const manifest = await exportCatalog(source.snapshot, dir, { onProgress: (done, total) => bar.update(done, total) });
      bar.done(`Exported ${manifest.totals.entities} entities of ${manifest.totals.kinds} kinds`);
    }

    const check = startProgressBar('Step 2/3: checking the export');
    let bar: ReturnType<typeof startProgressBar> | undefined;
    const imported = await importExport(target.store, dir, {
      target: target.description,
      onCheck: (done, total) => check.update(done, total),
      onProgress: (done, total) => {
        if (!bar) {
          check.done('The export matches its manifest');
          bar = startProgressBar('Step 2/3: importing');
        }
        bar.update(done, total);
      },
    });
    bar?.done(`Imported: ${imported.created} created, ${imported.updated} updated, ${imported.unchanged} already equal`);

    const verifying = startProgressBar('Step 3/3: verifying');
    const report = await verifyCatalogs(source.snapshot, target.snapshot, { onProgress: (done, total) => verifying.update(done, total) });
    verifying.done(report.equal ? 'Verified: equal' : 'Verified: different');
    for (const line of formatVerifyReport(report)) print(line);
    if (!report.equal) {
      printError(`The migration did NOT finish: ${target.description} differs from ${source.description} (listed above). Nothing was deleted from the source; fix the differences (or rerun with --force), and run verify again: "portico catalog verify --from ${options.from} --to ${options.to}".`);
      return 1;
    }
    print(`Migrated: ${report.compared} entities, verified equal. Point the portal at the new store (${options.to.startsWith('redis') ? 'redis.url / REDIS_URL in the config' : 'dataDir, without redis.url / REDIS_URL'}); the export in ${dir} is a backup you may keep or delete.`);
    return 0;
  } catch (error) {
    printError(`The migration stopped: ${(error as Error).message}`);
    printError(`Run the same command again (with -o ${dir}) to resume.`);
    return 1;
  } finally {
    for (const store of opened) await store.close();
  }
}
