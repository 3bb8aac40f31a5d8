import { rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Catalog } from '@portico/catalog';
import type { LoggerService, SchedulerService } from '@portico/plugin-api';
import { formatCatalogPlan } from './format-catalog-plan';
import { remoteRevision, shallowClone } from './git-checkout';
import { readCatalogFolder } from './read-catalog-folder';

/** One folder of catalog files the portal keeps applied (`catalog.code` in portico.config.yaml). */
export interface CatalogCodeSource {
  /** A git repository (any URL the git CLI clones); without it, `path` is a local folder (relative to the config). */
  git?: string;
  ref?: string;
  /** The folder inside the repository (default: its root), or the local folder. */
  path?: string;
  /** The root of the entities' sources, `code:<name>/<file>`; default the folder's name (the repository's for its root). */
  name?: string;
  /** How often to look for changes; default 5 minutes. */
  everyMs?: number;
  allowLargeDelete?: boolean;
}

export const CATALOG_CODE_ACTOR = 'system:catalog-code';

function rootName(source: CatalogCodeSource): string {
  if (source.name) return source.name;
  if (source.path && source.path !== '.') return basename(source.path);
  return basename(source.git ?? '', '.git') || 'catalog';
}

/**
 * Keeps folders of catalog files applied, as `portico catalog apply` would (same plan, same
 * ownership by file), on a schedule: a git repository is read with the git CLI, only when its
 * commit changed since the last complete apply.
 */
export function scheduleCatalogCodeSync(sources: CatalogCodeSource[], options: { catalog: Pick<Catalog, 'applyCatalogCode'>; scheduler: SchedulerService; logger: LoggerService; baseDir: string }): Array<{ cancel(): void }> {
  return sources.map((source) => {
    const name = rootName(source);
    const logger = options.logger.child({ component: 'catalog-code', root: name, source: source.git ?? source.path });
    let applied: string | undefined;
    return options.scheduler.schedule({
      id: `catalog-code:${name}`,
      everyMs: source.everyMs ?? 5 * 60 * 1000,
      async fn() {
        let checkout: string | undefined;
        try {
          let folder: string;
          let revision: string | undefined;
          if (source.git) {
            revision = await remoteRevision(source.git, source.ref);
            if (revision === applied) return;
            checkout = await shallowClone(source.git, source.ref);
            folder = join(checkout, source.path ?? '');
          } else folder = resolve(options.baseDir, source.path ?? 'catalog');
          const { request, problems } = await readCatalogFolder(folder, name);
          for (const p of problems) logger.warn(`Catalog file ${p.file}:${p.line} ${p.message}; it is left out, and nothing is deleted for it`);
          const plan = await options.catalog.applyCatalogCode({ ...request, allowLargeDelete: source.allowLargeDelete }, { actor: CATALOG_CODE_ACTOR, dryRun: false });
          const refused = plan.counts.refused;
          if (refused || plan.heldBack) logger.warn(`Catalog files of ${name} applied with ${refused} refused:\n${formatCatalogPlan(plan).join('\n')}`);
          else logger.info('Catalog files applied', { ...plan.counts, revision });
          // Only a complete, clean apply lets the next run skip an unchanged commit.
          if (!problems.length && !refused && !plan.heldBack) applied = revision;
        } finally {
          if (checkout) await rm(dirname(checkout), { recursive: true, force: true });
        }
      },
    });
  });
}
