/**
 * Something in a Port export that did not map, at the blueprint, property or entity it concerns.
 * @alpha
 */
export interface PortProblem {
  blueprint: string;
  /** The property (`schema.properties.x`, `calculationProperties.y`...) or entity (`entity cart`). */
  at?: string;
  message: string;
}

/** @alpha */
export interface PortImportReport {
  /** Kinds made from blueprints, by kind id, with the blueprint each came from. */
  kinds: Record<string, string>;
  /** Entities mapped, per kind id. */
  entities: Record<string, number>;
  /** Blueprint parts Portico cannot express (left out), with the reason. */
  unmapped: PortProblem[];
  /** Parts kept in another form (a dropped format, a renamed identifier). */
  notes: PortProblem[];
  /** Entities or blueprints that could not be imported at all. */
  errors: PortProblem[];
}

export function emptyPortReport(): PortImportReport {
  return { kinds: {}, entities: {}, unmapped: [], notes: [], errors: [] };
}

/**
 * The report as the CLI prints it: counts first, then every problem at its place.
 * @alpha
 */
export function formatPortImportReport(report: PortImportReport): string[] {
  const at = (p: PortProblem): string => `  ${p.blueprint}${p.at ? ` ${p.at}` : ''}: ${p.message}`;
  const kinds = Object.entries(report.kinds).sort(([a], [b]) => a.localeCompare(b));
  const entities = Object.entries(report.entities).sort(([a], [b]) => a.localeCompare(b));
  const lines = [`Read ${kinds.length} blueprint(s) as kinds: ${kinds.map(([id, from]) => (id === from ? id : `${id} (from ${from})`)).join(', ') || 'none'}`, `Entities per kind: ${entities.map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`];
  const section = (title: string, items: PortProblem[]): void => {
    if (items.length) lines.push(`${title} (${items.length}):`, ...items.map(at));
  };
  section('Not mapped (left out)', report.unmapped);
  section('Kept in another form', report.notes);
  section('Errors', report.errors);
  return lines;
}
