import type { CalculationProperty, JsonSchema, KindDefinition, MirrorProperty, RelationDefinition } from '@portico/plugin-api';
import { mapPortAggregation } from './map-port-aggregation';
import { mapPortProperty } from './map-port-schema';
import type { PortBlueprint, PortMirrorProperty } from './port-export';
import type { PortBlueprints } from './port-blueprints';
import type { PortProblem } from './port-import-report';
import { fieldNameOf } from './port-ids';
import { translateJq } from './translate-jq';

const CALCULATION_TYPES = new Set(['string', 'number', 'boolean']);

export interface MappedBlueprint {
  kind: KindDefinition;
  unmapped: PortProblem[];
  notes: PortProblem[];
}

/** A Port mirror path (`system.domain.$title`) as Portico's, renaming each step. */
function mirrorPath(blueprint: string, def: PortMirrorProperty, blueprints: PortBlueprints): { path: string } | { reason: string } {
  const parts = typeof def.path === 'string' ? def.path.split('.') : [];
  if (parts.length < 2) return { reason: `its path "${def.path}" is not relation names then a property` };
  let current = blueprint;
  const out: string[] = [];
  for (const name of parts.slice(0, -1)) {
    const relation = blueprints.byId.get(current)?.relations?.[name];
    if (!relation) return { reason: `"${name}" in its path is not a relation of ${current}` };
    if (!blueprints.kindOf(relation.target)) return { reason: `its path goes through ${relation.target}, which is not in the export` };
    out.push(fieldNameOf(name)!);
    current = relation.target;
  }
  const field = blueprints.field(current, parts[parts.length - 1], { mirror: true });
  if ('reason' in field) return { reason: `its path ends at ${field.reason}` };
  return { path: [...out, field.field].join('.') };
}

/**
 * A blueprint as a Portico kind: properties with their formats, relations with many and
 * required, and the mirror, calculation and aggregation properties Portico can compute the
 * same way. Anything else is left out and named in `unmapped`, never guessed.
 */
export function mapPortBlueprint(blueprint: PortBlueprint, blueprints: PortBlueprints, options: { teamProperty: boolean }): MappedBlueprint {
  const id = blueprints.kindOf(blueprint.identifier)!;
  const bp = blueprint.identifier;
  const unmapped: PortProblem[] = [];
  const notes: PortProblem[] = [];
  const properties: Record<string, JsonSchema> = {};
  const renamed = (at: string, from: string, to: string): void => {
    if (from !== to) notes.push({ blueprint: bp, at, message: `renamed to "${to}" (Portico names are letters, digits and _)` });
  };
  for (const [name, property] of Object.entries(blueprint.schema?.properties ?? {})) {
    const at = `schema.properties.${name}`;
    const field = fieldNameOf(name);
    if (!field || Object.hasOwn(properties, field)) {
      unmapped.push({ blueprint: bp, at, message: field ? `its Portico name "${field}" is taken by another property` : 'cannot be a Portico property name' });
      continue;
    }
    renamed(at, name, field);
    properties[field] = mapPortProperty(property, { blueprint: bp, at }, notes);
  }
  if (options.teamProperty) {
    if (Object.hasOwn(properties, 'team')) unmapped.push({ blueprint: bp, at: 'team', message: 'the entities\' Port teams are left out: the blueprint has its own "team" property' });
    else properties.team = { type: 'array', items: { type: 'string' }, title: 'Team (Port)' };
  }
  const required = (blueprint.schema?.required ?? []).map((name) => fieldNameOf(name)).filter((name): name is string => !!name && Object.hasOwn(properties, name));

  const relations: Record<string, RelationDefinition> = {};
  for (const [name, relation] of Object.entries(blueprint.relations ?? {})) {
    const at = `relations.${name}`;
    const field = fieldNameOf(name);
    const target = blueprints.kindOf(relation.target);
    if (!field || !target) {
      unmapped.push({ blueprint: bp, at, message: field ? `its target blueprint "${relation.target}" is not in the export` : 'cannot be a Portico relation name' });
      continue;
    }
    renamed(at, name, field);
    relations[field] = { target, ...(relation.title ? { title: relation.title } : {}), ...(relation.many ? { many: true } : {}), ...(relation.required ? { required: true } : {}) };
  }

  const mirror: Record<string, MirrorProperty> = {};
  const calculation: Record<string, CalculationProperty> = {};
  const aggregation: KindDefinition['aggregation'] = {};
  const computed = (section: string, name: string, result: { reason: string } | object, add: (field: string) => void): void => {
    const at = `${section}.${name}`;
    const field = fieldNameOf(name);
    if (!field) unmapped.push({ blueprint: bp, at, message: 'cannot be a Portico name' });
    else if ('reason' in result) unmapped.push({ blueprint: bp, at, message: `left out: ${(result as { reason: string }).reason}` });
    else {
      renamed(at, name, field);
      add(field);
    }
  };
  for (const [name, def] of Object.entries(blueprint.mirrorProperties ?? {})) {
    const result = mirrorPath(bp, def, blueprints);
    computed('mirrorProperties', name, result, (field) => (mirror[field] = { ...(def.title ? { title: def.title } : {}), path: (result as { path: string }).path }));
  }
  const ownComputed = blueprints.computedNames(bp);
  for (const [name, def] of Object.entries(blueprint.calculationProperties ?? {})) {
    let result = translateJq(String(def.calculation ?? ''), (n) => fieldNameOf(n) ?? n);
    const reads = 'reads' in result ? result.reads.filter((r) => ownComputed.has(r)) : [];
    if (reads.length) result = { reason: `it reads ${reads.join(', ')}, computed in Port too; Portico calculations read stored properties only` };
    computed('calculationProperties', name, result, (field) => {
      const type = typeof def.type === 'string' && CALCULATION_TYPES.has(def.type) ? (def.type as CalculationProperty['type']) : undefined;
      calculation[field] = { ...(def.title ? { title: def.title } : {}), expression: (result as { expression: string }).expression, ...(type ? { type } : {}) };
    });
  }
  for (const [name, def] of Object.entries(blueprint.aggregationProperties ?? {})) {
    const result = mapPortAggregation(bp, def, blueprints);
    computed('aggregationProperties', name, result, (field) => (aggregation[field] = (result as { aggregation: NonNullable<KindDefinition['aggregation']>[string] }).aggregation));
  }
  const kind: KindDefinition = {
    id,
    title: blueprint.title || blueprint.identifier,
    ...(blueprint.description ? { description: blueprint.description } : {}),
    schema: { type: 'object', properties, ...(required.length ? { required } : {}) },
    ...(Object.keys(relations).length ? { relations } : {}),
    ...(Object.keys(mirror).length ? { mirror } : {}),
    ...(Object.keys(calculation).length ? { calculation } : {}),
    ...(Object.keys(aggregation).length ? { aggregation } : {}),
  };
  return { kind, unmapped, notes };
}
