import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { CatalogCodeRequest } from '@portico/catalog';
import { parseCatalogFile, type CatalogFileProblem } from './parse-catalog-file';

/** Folders never read as catalog files. */
const SKIPPED = new Set(['node_modules', '.git']);

async function yamlFiles(folder: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await yamlFiles(path)));
    else if (/\.ya?ml$/i.test(entry.name)) found.push(path);
  }
  return found.sort();
}

/**
 * Reads a catalog folder (every .yaml / .yml file below it) or one file into an apply request.
 * The folder's name is the root: `catalog/services/cart.yaml` is owned by `code:catalog/services/cart.yaml`.
 * A single file is applied as one file of its folder (`complete: false`: other files' entities stay).
 * A file that does not parse is left out, and the request is then not complete either, so
 * its entities are not deleted for it.
 */
export async function readCatalogFolder(target: string, name?: string): Promise<{ request: CatalogCodeRequest; problems: CatalogFileProblem[] }> {
  const path = resolve(target);
  const isFolder = (await stat(path)).isDirectory();
  const folder = isFolder ? path : dirname(path);
  const root = name ?? basename(folder);
  const problems: CatalogFileProblem[] = [];
  const files: CatalogCodeRequest['files'] = [];
  for (const file of isFolder ? await yamlFiles(folder) : [path]) {
    const relativePath = relative(folder, file).split(sep).join('/');
    const parsed = parseCatalogFile(relativePath, await readFile(file, 'utf8'));
    problems.push(...parsed.problems);
    if (!parsed.problems.length) files.push(parsed.file);
  }
  return { request: { root, files, complete: isFolder && !problems.length }, problems };
}
