import { LineCounter, parseAllDocuments } from 'yaml';
import type { CatalogCodeFile } from '@portico/catalog';

export interface CatalogFileProblem {
  file: string;
  line: number;
  message: string;
}

const KEYS = new Set(['kinds', 'entities']);

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Reads one catalog file: YAML documents (`---` between them), each a mapping with a `kinds`
 * list and/or an `entities` list, in the shapes the REST API takes (docs/catalog-as-code.md).
 * Problems come back with their line; a file with problems is left out of the apply whole.
 */
export function parseCatalogFile(path: string, text: string): { file: CatalogCodeFile; problems: CatalogFileProblem[] } {
  const lines = new LineCounter();
  const problems: CatalogFileProblem[] = [];
  const file: CatalogCodeFile = { path, kinds: [], entities: [] };
  const lineOf = (offset: number | undefined): number => (offset === undefined ? 1 : lines.linePos(offset).line);
  for (const doc of parseAllDocuments(text, { lineCounter: lines, uniqueKeys: true })) {
    if ('errors' in doc && doc.errors.length) {
      for (const error of doc.errors) problems.push({ file: path, line: lineOf(error.pos[0]), message: `is not valid YAML: ${error.message.split('\n')[0]}` });
      continue;
    }
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) continue;
    const line = lineOf(doc.contents?.range?.[0]);
    if (!isObject(value)) {
      problems.push({ file: path, line, message: 'a document must be a mapping with "kinds" and/or "entities"' });
      continue;
    }
    for (const [key, list] of Object.entries(value)) {
      if (!KEYS.has(key)) problems.push({ file: path, line, message: `"${key}" is not a catalog file key (a document has "kinds" and/or "entities")` });
      else if (!Array.isArray(list) || list.some((item) => !isObject(item))) problems.push({ file: path, line, message: `"${key}" must be a list of mappings` });
      else file[key as 'kinds' | 'entities']!.push(...list);
    }
  }
  return { file, problems };
}
