import { ENTITY_ID_PATTERN, FIELD_NAME_PATTERN, KIND_ID_PATTERN } from '../model/ids';

/**
 * Port identifiers allow capitals and characters Portico ids do not (`/`, `:`, `@`...).
 * They map by one documented rule, and the importer reports any two that meet:
 * - blueprint → kind id: lowercased, leading `_` dropped, every other character outside
 *   `a-z0-9-` becomes `-` (`_team` → `team`, `Micro_Service` → `micro-service`);
 * - property / relation name: every character outside `A-Za-z0-9_` becomes `_`, with `_`
 *   in front when it starts with a digit;
 * - entity identifier: lowercased, every character outside `a-z0-9._-` becomes `-`.
 */
export function kindIdOf(blueprint: string): string | null {
  const id = blueprint.replace(/^_+/, '').toLowerCase().replace(/[^a-z0-9-]/g, '-').replace(/^[^a-z]+/, '').slice(0, 63);
  return KIND_ID_PATTERN.test(id) ? id : null;
}

export function fieldNameOf(name: string): string | null {
  const field = name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^([0-9])/, '_$1').slice(0, 64);
  return FIELD_NAME_PATTERN.test(field) ? field : null;
}

export function entityIdOf(identifier: string): string | null {
  const id = identifier.toLowerCase().replace(/[^a-z0-9._-]/g, '-').replace(/^[^a-z0-9]+/, '');
  return ENTITY_ID_PATTERN.test(id) ? id : null;
}
