import type { EntityInput, KindDefinition, RelationValues } from '@portico/plugin-api';
import { mapPortBlueprint } from './map-port-blueprint';
import { PortBlueprints } from './port-blueprints';
import type { PortBlueprint, PortEntity, PortExport } from './port-export';
import { emptyPortReport, type PortImportReport } from './port-import-report';
import { entityIdOf, fieldNameOf, kindIdOf } from './port-ids';

/** @alpha */
export interface PortImport {
  /** Kinds in an order where a relation's target comes before the kind pointing at it (cycles aside). */
  kinds: KindDefinition[];
  entities: EntityInput[];
  /** The computed values the export shows (Port puts them in `properties`), per entity, to compare after the import. */
  shown: Array<{ kind: string; id: string; computed: Record<string, unknown> }>;
  report: PortImportReport;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** Targets first: each kind after the kinds its relations point at, where there is no cycle. */
function ordered(kinds: KindDefinition[]): KindDefinition[] {
  const byId = new Map(kinds.map((k) => [k.id, k]));
  const done = new Set<string>();
  const out: KindDefinition[] = [];
  const visit = (kind: KindDefinition, path: Set<string>): void => {
    if (done.has(kind.id) || path.has(kind.id)) return;
    path.add(kind.id);
    for (const relation of Object.values(kind.relations ?? {})) {
      const target = byId.get(relation.target);
      if (target) visit(target, path);
    }
    done.add(kind.id);
    out.push(kind);
  };
  for (const kind of [...kinds].sort((a, b) => a.id.localeCompare(b.id))) visit(kind, new Set());
  return out;
}

/**
 * Parses a Port export (JSON text) into kinds and entities; every problem goes to the report, nothing throws.
 * @alpha
 */
export function parsePortExport(text: string, file: string): PortImport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const report = emptyPortReport();
    report.errors.push({ blueprint: file, message: `is not JSON: ${(error as Error).message}` });
    return { kinds: [], entities: [], shown: [], report };
  }
  return importPortExport(data, file);
}

/**
 * Maps a Port export onto Portico: blueprints become kinds (see mapPortBlueprint), entities
 * become entities of them with ids mapped by the rule in port-ids, Port teams kept in a
 * `team` property, and the computed values Port shows set aside to compare.
 * @alpha
 */
export function importPortExport(data: unknown, file = 'the export'): PortImport {
  const report = emptyPortReport();
  const empty = { kinds: [], entities: [], shown: [], report };
  if (!isObject(data) || !Array.isArray(data.blueprints) || !Array.isArray(data.entities)) {
    report.errors.push({ blueprint: file, message: 'must be an object with "blueprints" and "entities" arrays (Port\'s GET /v1/blueprints and GET /v1/blueprints/{id}/entities answers)' });
    return empty;
  }
  const exported = data as unknown as PortExport;
  const valid: PortBlueprint[] = [];
  const kindSources = new Map<string, string>();
  for (const [index, blueprint] of exported.blueprints.entries()) {
    const name = isObject(blueprint) && typeof blueprint.identifier === 'string' ? blueprint.identifier : `blueprints[${index}]`;
    const kind = isObject(blueprint) && typeof blueprint.identifier === 'string' ? kindIdOf(blueprint.identifier) : null;
    if (!kind) report.errors.push({ blueprint: name, message: isObject(blueprint) && typeof blueprint.identifier === 'string' ? 'its identifier cannot be a Portico kind id (lowercase letters, digits and -, starting with a letter)' : 'has no identifier' });
    else if (kindSources.has(kind)) report.errors.push({ blueprint: name, message: `becomes kind "${kind}", as blueprint ${kindSources.get(kind)} does: left out` });
    else {
      kindSources.set(kind, blueprint.identifier);
      valid.push(blueprint);
    }
  }
  const blueprints = new PortBlueprints(valid);
  const withTeams = new Set(exported.entities.filter((e) => isObject(e) && e.team !== undefined && e.team !== null && (!Array.isArray(e.team) || e.team.length)).map((e) => e.blueprint));
  const kinds: KindDefinition[] = [];
  for (const blueprint of valid) {
    const mapped = mapPortBlueprint(blueprint, blueprints, { teamProperty: withTeams.has(blueprint.identifier) });
    kinds.push(mapped.kind);
    report.kinds[mapped.kind.id] = blueprint.identifier;
    report.unmapped.push(...mapped.unmapped);
    report.notes.push(...mapped.notes);
  }
  const kindById = new Map(kinds.map((k) => [k.id, k]));

  const entities: EntityInput[] = [];
  const shown: PortImport['shown'] = [];
  const seen = new Map<string, string>();
  for (const [index, entity] of (exported.entities as unknown[]).entries()) {
    const e = entity as Partial<PortEntity>;
    const bp = isObject(e) && typeof e.blueprint === 'string' ? e.blueprint : `entities[${index}]`;
    const at = `entity ${isObject(e) && typeof e.identifier === 'string' ? e.identifier : `#${index}`}`;
    const kindId = blueprints.kindOf(bp);
    const kind = kindId ? kindById.get(kindId) : undefined;
    if (!kind) {
      report.errors.push({ blueprint: bp, at, message: isObject(e) && typeof e.blueprint === 'string' ? 'its blueprint is not in the export (or was left out)' : 'names no blueprint' });
      continue;
    }
    const id = typeof e.identifier === 'string' ? entityIdOf(e.identifier) : null;
    if (!id) {
      report.errors.push({ blueprint: bp, at, message: 'its identifier cannot be a Portico entity id (lowercase letters, digits, ".", "_" and "-")' });
      continue;
    }
    const ref = `${kind.id}/${id}`;
    if (seen.has(ref)) {
      report.errors.push({ blueprint: bp, at, message: `becomes ${ref}, as entity ${seen.get(ref)} does: left out` });
      continue;
    }
    seen.set(ref, e.identifier!);
    const computedNames = blueprints.computedNames(bp);
    const properties: Record<string, unknown> = {};
    const computed: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(isObject(e.properties) ? e.properties : {})) {
      const field = fieldNameOf(name);
      if (computedNames.has(name)) {
        if (field && (kind.mirror?.[field] || kind.calculation?.[field] || kind.aggregation?.[field])) computed[field] = value;
      } else if (!field) report.errors.push({ blueprint: bp, at, message: `property "${name}" cannot be a Portico name: left out` });
      else if (value !== null) properties[field] = value;
    }
    if (kind.schema.properties?.team && e.team !== undefined && e.team !== null) properties.team = Array.isArray(e.team) ? e.team : [e.team];
    const relations: RelationValues = {};
    for (const [name, value] of Object.entries(isObject(e.relations) ? e.relations : {})) {
      const field = fieldNameOf(name);
      if (value === null || (Array.isArray(value) && !value.length)) continue;
      if (!field || !kind.relations?.[field]) {
        report.errors.push({ blueprint: bp, at, message: `relation "${name}" is not a relation of kind ${kind.id}: left out` });
        continue;
      }
      const ids = (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'string' ? entityIdOf(v) : null));
      if (ids.some((v) => v === null)) {
        report.errors.push({ blueprint: bp, at, message: `relation "${name}" names an identifier that cannot be a Portico id: left out` });
        continue;
      }
      relations[field] = kind.relations[field].many ? (ids as string[]) : ids[0]!;
    }
    entities.push({ kind: kind.id, id, title: typeof e.title === 'string' && e.title ? e.title : e.identifier!, properties, relations });
    if (Object.keys(computed).length) shown.push({ kind: kind.id, id, computed });
    report.entities[kind.id] = (report.entities[kind.id] ?? 0) + 1;
  }
  // A Port export is the whole catalog: a relation to an entity it does not hold is reported and left out.
  const refs = new Set(entities.map((e) => `${e.kind}/${e.id}`));
  for (const entity of entities) {
    const kind = kindById.get(entity.kind)!;
    for (const [name, value] of Object.entries(entity.relations ?? {})) {
      const target = kind.relations![name].target;
      const ids = (Array.isArray(value) ? value : [value]) as string[];
      const missing = ids.filter((id) => !refs.has(`${target}/${id}`));
      if (!missing.length) continue;
      report.errors.push({ blueprint: report.kinds[kind.id], at: `entity ${entity.id}`, message: `relation "${name}" names ${target} ${missing.map((m) => `"${m}"`).join(', ')}, not in the export: left out` });
      const kept = ids.filter((id) => !missing.includes(id));
      if (Array.isArray(value) && kept.length) entity.relations![name] = kept;
      else delete entity.relations![name];
    }
  }
  return { kinds: ordered(kinds), entities, shown, report };
}
