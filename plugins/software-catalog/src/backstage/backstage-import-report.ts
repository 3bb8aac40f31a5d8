/**
 * Something in a catalog file that could not be imported as written, at its file and line.
 * @public
 */
export interface BackstageProblem {
  file: string;
  line: number;
  /** The Backstage entity it concerns (`component:default/cart`), when known. */
  entity?: string;
  message: string;
}

/** @public */
export interface BackstageImportReport {
  /** Entities read, per Portico kind. */
  imported: Record<string, number>;
  /** Documents left out on purpose (templates, locations), with the reason. */
  skipped: BackstageProblem[];
  /** Relation targets or owners that are not in the catalog: the relation is left out. */
  unresolved: BackstageProblem[];
  /** Bad YAML, unknown kinds, invalid entities, unreadable files: reported, never thrown. */
  errors: BackstageProblem[];
  /** Fields kept but not mapped onto a property or relation (they stay in `properties.backstage`). */
  warnings: BackstageProblem[];
  /** Files and URLs read. */
  locations: string[];
  /** A file could not be read or parsed, so its entities are missing: a sync must not delete for it. */
  incomplete: boolean;
}

export function emptyReport(): BackstageImportReport {
  return { imported: {}, skipped: [], unresolved: [], errors: [], warnings: [], locations: [], incomplete: false };
}

/**
 * The report as the CLI prints it: counts first, then every problem at its place.
 * @public
 */
export function formatImportReport(report: BackstageImportReport): string[] {
  const at = (p: BackstageProblem): string => `  ${p.file}:${p.line}${p.entity ? ` ${p.entity}` : ''}: ${p.message}`;
  const kinds = Object.entries(report.imported).sort(([a], [b]) => a.localeCompare(b));
  const lines = [`Read ${report.locations.length} file(s); entities per kind: ${kinds.map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`];
  const section = (title: string, items: BackstageProblem[]): void => {
    if (items.length) lines.push(`${title} (${items.length}):`, ...items.map(at));
  };
  section('Skipped', report.skipped);
  section('Unresolved relation targets (left out)', report.unresolved);
  section('Kept in properties.backstage, not mapped', report.warnings);
  section('Errors', report.errors);
  return lines;
}
