import type { EntityInput } from '@portico/plugin-api';
import { BACKSTAGE_KINDS, formatBackstageRef, porticoIdOf, type BackstageRef } from './backstage-entity-ref';
import { emptyReport, type BackstageImportReport } from './backstage-import-report';
import type { LocationReader } from './location-reader';
import { mapBackstageEntity, type PendingRelation } from './map-backstage-entity';
import { parseBackstageYaml } from './parse-backstage-yaml';

/** @public */
export interface BackstageImport {
  entities: EntityInput[];
  report: BackstageImportReport;
}

export interface ImportOptions {
  /** Whether an entity outside the imported files exists (already in the catalog), for relation targets. */
  exists?: (kind: string, id: string) => Promise<boolean>;
}

function porticoRef(ref: BackstageRef): string | null {
  const kind = BACKSTAGE_KINDS[ref.kind];
  return kind ? `${kind}/${porticoIdOf(ref)}` : null;
}

/**
 * Reads a Backstage catalog from its root locations (files, folders' files, URLs), follows
 * Location targets, and maps every entity onto the software-catalog kinds. Nothing is
 * thrown for bad content: every problem lands in the report with its file and line, and
 * relations whose other end is missing are left out (and reported) so the rest imports.
 * @public
 */
export async function importBackstageCatalog(roots: string[], reader: LocationReader, options: ImportOptions = {}): Promise<BackstageImport> {
  const report = emptyReport();
  const byRef = new Map<string, { entity: EntityInput; file: string; line: number; name: string }>();
  const pending: PendingRelation[] = [];
  const queue = [...roots];
  const seen = new Set(queue);
  for (let i = 0; i < queue.length; i++) {
    const location = queue[i];
    const file = reader.describe(location);
    report.locations.push(file);
    let text: string;
    try {
      text = await reader.read(location);
    } catch (error) {
      report.errors.push({ file, line: 1, message: `could not be read: ${(error as Error).message}` });
      report.incomplete = true;
      continue;
    }
    const { documents, problems } = parseBackstageYaml(file, text);
    report.errors.push(...problems);
    if (problems.length) report.incomplete = true;
    for (const doc of documents) {
      const mapped = mapBackstageEntity(doc);
      if (mapped.type === 'error') report.errors.push(mapped.problem);
      else if (mapped.type === 'skipped') report.skipped.push(mapped.problem);
      else if (mapped.type === 'location') {
        for (const { target, line } of mapped.targets) {
          const resolved = await reader.resolveTargets(location, target);
          if ('error' in resolved) report.errors.push({ file, line, message: `Location ${resolved.error}` });
          else {
            for (const next of resolved.locations) {
              if (seen.has(next)) continue;
              seen.add(next);
              queue.push(next);
            }
          }
        }
      } else {
        const key = `${mapped.entity.kind}/${mapped.entity.id}`;
        const name = formatBackstageRef(mapped.ref);
        const earlier = byRef.get(key);
        if (earlier) {
          report.errors.push({ file, line: doc.line, entity: name, message: `${earlier.name === name ? 'is defined twice' : `maps to the same Portico id as ${earlier.name}`} (first at ${earlier.file}:${earlier.line}); this one is left out` });
          continue;
        }
        byRef.set(key, { entity: mapped.entity, file, line: doc.line, name });
        pending.push(...mapped.relations);
        report.warnings.push(...mapped.warnings);
      }
    }
  }

  for (const relation of pending) {
    const at = { file: relation.file, line: relation.line, entity: relation.entity };
    const holder = byRef.get(porticoRef(relation.holder) ?? '');
    const targetName = formatBackstageRef(relation.target);
    if (!holder) {
      report.unresolved.push({ ...at, message: `names ${formatBackstageRef(relation.holder)}, which is not in the imported catalog` });
      continue;
    }
    if (relation.relation === '@owner' && relation.target.kind !== 'group') {
      (holder.entity.properties!.backstage as Record<string, unknown>).owner = targetName;
      report.unresolved.push({ ...at, message: `owner ${targetName} is a ${relation.target.kind}, but Portico owners are teams (Backstage Groups): left out, kept in properties.backstage.owner` });
      continue;
    }
    const target = porticoRef(relation.target);
    const targetId = porticoIdOf(relation.target);
    const known = target !== null && (byRef.has(target) || ((await options.exists?.(target.slice(0, target.indexOf('/')), targetId)) ?? false));
    if (!known) {
      if (relation.relation === '@owner') (holder.entity.properties!.backstage as Record<string, unknown>).owner = targetName;
      report.unresolved.push({ ...at, message: `names ${targetName}, which is not in the imported catalog${options.exists ? ' nor in Portico' : ''}: that relation is left out` });
      continue;
    }
    const entity = holder.entity;
    if (relation.relation === '@owner') {
      entity.owner = targetId;
      continue;
    }
    const relations = (entity.relations ??= {});
    const current = relations[relation.relation];
    if (relation.many) relations[relation.relation] = [...new Set([...((current as string[] | undefined) ?? []), targetId])];
    else if (current === undefined || current === targetId) relations[relation.relation] = targetId;
    else report.warnings.push({ ...at, message: `${relation.relation} of ${holder.name} is already ${current}; ${targetName} is left out (Portico keeps one)` });
  }

  const entities = [...byRef.values()].map((e) => e.entity);
  for (const entity of entities) report.imported[entity.kind] = (report.imported[entity.kind] ?? 0) + 1;
  return { entities, report };
}
