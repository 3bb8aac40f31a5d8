import type { Entity } from '@portico/plugin-api';
import { diff, jsonPatchPathConverter } from 'just-diff';
import { compareEntities, compareIds, type CatalogSnapshot } from './catalog-snapshot';
import { canonicalJson } from './canonical-json';
import type { TransferProgress } from './export-catalog';

/**
 * How one kind differs between the expected catalog and the actual one.
 * @alpha
 */
export interface KindDifference {
  kind: string;
  /** The kind itself: missing from the actual catalog, extra in it, or changed (JSON pointers into `{ kind, source }`). */
  definition?: 'missing' | 'extra' | string[];
  /** Ids the expected catalog has and the actual one lacks. */
  missing: string[];
  /** Ids only the actual catalog has. */
  extra: string[];
  /** Ids in both whose documents differ, with the JSON pointers that differ. */
  changed: Array<{ id: string; paths: string[] }>;
}

/** @alpha */
export interface VerifyReport {
  expected: string;
  actual: string;
  equal: boolean;
  /** Entities compared (read from both sides). */
  compared: number;
  /** Only kinds with a difference, by id. */
  differences: KindDifference[];
}

/** The JSON pointers at which two JSON values differ (just-diff). */
export function differingPaths(a: unknown, b: unknown): string[] {
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return canonicalJson(a) === canonicalJson(b) ? [] : [''];
  return [...new Set(diff(a as object, b as object, jsonPatchPathConverter).map((d) => d.path))].sort();
}

async function* withEnd(entities: AsyncIterable<Entity>): AsyncGenerator<Entity | null> {
  yield* entities;
  yield null;
}

/**
 * Compares two catalogs entity by entity, walking both in their common order (kind, then id),
 * and lists every difference per kind: missing, extra, and changed with the differing fields.
 * @alpha
 */
export async function verifyCatalogs(expected: CatalogSnapshot, actual: CatalogSnapshot, options: { onProgress?: TransferProgress } = {}): Promise<VerifyReport> {
  const byKind = new Map<string, KindDifference>();
  const of = (kind: string): KindDifference => {
    let entry = byKind.get(kind);
    if (!entry) byKind.set(kind, (entry = { kind, missing: [], extra: [], changed: [] }));
    return entry;
  };
  const [expectedKinds, actualKinds] = await Promise.all([expected.kinds(), actual.kinds()]);
  const actualById = new Map(actualKinds.map((k) => [k.kind.id, k]));
  for (const stored of expectedKinds) {
    const other = actualById.get(stored.kind.id);
    if (!other) of(stored.kind.id).definition = 'missing';
    else {
      const paths = differingPaths({ kind: stored.kind, source: stored.source }, { kind: other.kind, source: other.source });
      if (paths.length) of(stored.kind.id).definition = paths;
    }
    actualById.delete(stored.kind.id);
  }
  for (const id of actualById.keys()) of(id).definition = 'extra';

  const total = Math.max(await expected.count(), await actual.count());
  const left = withEnd(expected.entities())[Symbol.asyncIterator]();
  const right = withEnd(actual.entities())[Symbol.asyncIterator]();
  let a = (await left.next()).value as Entity | null;
  let b = (await right.next()).value as Entity | null;
  let compared = 0;
  while (a || b) {
    const order = !a ? 1 : !b ? -1 : compareEntities(a, b);
    if (order < 0) {
      of(a!.kind).missing.push(a!.id);
      a = (await left.next()).value as Entity | null;
    } else if (order > 0) {
      of(b!.kind).extra.push(b!.id);
      b = (await right.next()).value as Entity | null;
    } else {
      if (canonicalJson(a) !== canonicalJson(b)) of(a!.kind).changed.push({ id: a!.id, paths: differingPaths(a, b) });
      a = (await left.next()).value as Entity | null;
      b = (await right.next()).value as Entity | null;
    }
    if (++compared % 5000 === 0) options.onProgress?.(compared, total);
  }
  options.onProgress?.(compared, total);
  const differences = [...byKind.values()].sort((x, y) => compareIds(x.kind, y.kind));
  return { expected: expected.description, actual: actual.description, equal: differences.length === 0, compared, differences };
}

/**
 * A verify report as lines for a terminal.
 * @alpha
 */
export function formatVerifyReport(report: VerifyReport): string[] {
  if (report.equal) return [`Equal: ${report.actual} matches ${report.expected} (${report.compared} entities compared).`];
  const lines = [`Different: ${report.actual} does not match ${report.expected} (${report.compared} entities compared).`];
  for (const d of report.differences) {
    const counts = [d.missing.length && `${d.missing.length} missing`, d.extra.length && `${d.extra.length} extra`, d.changed.length && `${d.changed.length} changed`].filter(Boolean).join(', ');
    lines.push(`  kind ${d.kind}: ${[d.definition && (Array.isArray(d.definition) ? `definition changed at ${d.definition.join(', ')}` : `definition ${d.definition}`), counts].filter(Boolean).join('; ')}`);
    for (const id of d.missing) lines.push(`    missing  ${d.kind}/${id}`);
    for (const id of d.extra) lines.push(`    extra    ${d.kind}/${id}`);
    for (const c of d.changed) lines.push(`    changed  ${d.kind}/${c.id}: ${c.paths.join(', ')}`);
  }
  return lines;
}
