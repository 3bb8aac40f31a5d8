import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { BackstageProblem } from './backstage-import-report';

/** One document of a catalog file, with the line of any field in it for reports. */
export interface BackstageDocument {
  file: string;
  line: number;
  value: Record<string, unknown>;
  lineOf(path: Array<string | number>): number;
}

/** Every document of a (multi-document) YAML file; broken documents become problems with their line. */
export function parseBackstageYaml(file: string, text: string): { documents: BackstageDocument[]; problems: BackstageProblem[] } {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const documents: BackstageDocument[] = [];
  const problems: BackstageProblem[] = [];
  const docs: Document.Parsed[] = Array.isArray(parsed) ? parsed : [];
  for (const doc of docs) {
    const line = lineCounter.linePos(doc.contents?.range?.[0] ?? doc.range[0]).line;
    if (doc.errors.length) {
      for (const error of doc.errors) {
        problems.push({ file, line: lineCounter.linePos(error.pos[0]).line, message: `is not valid YAML: ${error.message.split('\n')[0]}` });
      }
      continue;
    }
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      problems.push({ file, line, message: 'is not a catalog entity: a document must be a mapping with apiVersion, kind, metadata and spec' });
      continue;
    }
    const lineOf = (path: Array<string | number>): number => {
      const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
      return node?.range ? lineCounter.linePos(node.range[0]).line : line;
    };
    documents.push({ file, line, value: value as Record<string, unknown>, lineOf });
  }
  return { documents, problems };
}
