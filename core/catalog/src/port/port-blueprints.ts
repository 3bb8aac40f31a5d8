import type { PortBlueprint } from './port-export';
import { fieldNameOf, kindIdOf } from './port-ids';

/** The blueprints of one export, with the kind id each becomes, for lookups across blueprints. */
export class PortBlueprints {
  readonly byId = new Map<string, PortBlueprint>();
  readonly kindIds = new Map<string, string>();

  constructor(blueprints: PortBlueprint[]) {
    for (const blueprint of blueprints) {
      const kind = kindIdOf(blueprint.identifier);
      if (!kind) continue;
      this.byId.set(blueprint.identifier, blueprint);
      this.kindIds.set(blueprint.identifier, kind);
    }
  }

  kindOf(blueprint: string): string | undefined {
    return this.kindIds.get(blueprint);
  }

  /** Mirror, calculation and aggregation names: values Port computes, which Portico keeps out of `properties`. */
  computedNames(blueprint: string): Set<string> {
    const b = this.byId.get(blueprint);
    return new Set([...Object.keys(b?.mirrorProperties ?? {}), ...Object.keys(b?.calculationProperties ?? {}), ...Object.keys(b?.aggregationProperties ?? {})]);
  }

  /** Port's meta-properties (`$identifier`...) and a blueprint's own properties, as Portico fields; null when there is none. */
  field(blueprint: string, name: string, options: { mirror: boolean }): { field: string } | { reason: string } {
    const meta: Record<string, string> = options.mirror ? { $identifier: '$id', $title: '$title', $blueprint: '$kind', $team: 'team' } : { $identifier: 'id', $title: 'title', $blueprint: 'kind', $team: 'team' };
    if (name.startsWith('$')) return Object.hasOwn(meta, name) ? { field: meta[name] } : { reason: `the meta-property "${name}" is not kept by the import` };
    if (this.computedNames(blueprint).has(name)) return { reason: `"${name}" is itself a computed property of ${blueprint}; Portico computes from stored properties only` };
    const field = fieldNameOf(name);
    return field ? { field } : { reason: `"${name}" cannot be a Portico property name` };
  }
}
