import type { EntityInput } from '@portico/plugin-api';
import { BACKSTAGE_KINDS, formatBackstageRef, parseBackstageRef, porticoIdOf, type BackstageRef } from './backstage-entity-ref';
import type { BackstageProblem } from './backstage-import-report';
import type { BackstageDocument } from './parse-backstage-yaml';

/**
 * A relation as Backstage declares it, before its ends are known to exist. `holder` is the
 * entity that carries it in Portico, which is not always the one that declared it: a
 * Group's `members` become each User's `memberOf`.
 */
export interface PendingRelation {
  holder: BackstageRef;
  /** A Portico relation name, or `@owner` for the owner field. */
  relation: string;
  target: BackstageRef;
  many: boolean;
  /** Where it was declared, for reports. */
  file: string;
  line: number;
  entity: string;
}

export type MappedDocument =
  | { type: 'entity'; ref: BackstageRef; entity: EntityInput; relations: PendingRelation[]; warnings: BackstageProblem[] }
  | { type: 'location'; targets: Array<{ target: string; type?: string; line: number }> }
  | { type: 'skipped'; problem: BackstageProblem }
  | { type: 'error'; problem: BackstageProblem };

const LIFECYCLES = ['experimental', 'production', 'deprecated'];
const ENUMS: Record<string, Record<string, string[]>> = {
  component: { type: ['service', 'website', 'library'], lifecycle: LIFECYCLES },
  api: { type: ['openapi', 'asyncapi', 'graphql', 'grpc'], lifecycle: LIFECYCLES },
  system: { lifecycle: LIFECYCLES },
  domain: { lifecycle: LIFECYCLES },
};

/** Where each `spec` field goes: a relation (with the default kind of its refs), or the reverse of one. */
interface RelationRule {
  field: string;
  defaultKind: string;
  /** Portico relation per target kind; a kind not listed cannot be related this way. */
  relation: Record<string, { name: string; many: boolean }>;
  /** The target carries the relation (it points back at this entity). */
  reverse?: boolean;
}

const OWNED = ['component', 'api', 'resource', 'system', 'domain'];
const RULES: Record<string, RelationRule[]> = {
  component: [
    { field: 'system', defaultKind: 'system', relation: { system: { name: 'partOf', many: false } } },
    { field: 'providesApis', defaultKind: 'api', relation: { api: { name: 'providesApi', many: true } } },
    { field: 'consumesApis', defaultKind: 'api', relation: { api: { name: 'consumesApi', many: true } } },
    { field: 'dependsOn', defaultKind: 'component', relation: { component: { name: 'dependsOn', many: true }, resource: { name: 'dependsOnResource', many: true } } },
    { field: 'dependencyOf', defaultKind: 'component', relation: { component: { name: 'dependsOn', many: true } }, reverse: true },
  ],
  api: [{ field: 'system', defaultKind: 'system', relation: { system: { name: 'partOf', many: false } } }],
  resource: [
    { field: 'system', defaultKind: 'system', relation: { system: { name: 'partOf', many: false } } },
    { field: 'dependencyOf', defaultKind: 'component', relation: { component: { name: 'dependsOnResource', many: true } }, reverse: true },
  ],
  system: [{ field: 'domain', defaultKind: 'domain', relation: { domain: { name: 'partOf', many: false } } }],
  group: [
    { field: 'parent', defaultKind: 'group', relation: { group: { name: 'childOf', many: false } } },
    { field: 'children', defaultKind: 'group', relation: { group: { name: 'childOf', many: false } }, reverse: true },
    { field: 'members', defaultKind: 'user', relation: { user: { name: 'memberOf', many: true } }, reverse: true },
  ],
  user: [{ field: 'memberOf', defaultKind: 'group', relation: { group: { name: 'memberOf', many: true } } }],
};

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** One Backstage document onto a software-catalog entity, its relations still unresolved. */
export function mapBackstageEntity(doc: BackstageDocument): MappedDocument {
  const { file, value } = doc;
  const fail = (message: string, path: Array<string | number> = [], entity?: string): MappedDocument => ({ type: 'error', problem: { file, line: doc.lineOf(path), ...(entity ? { entity } : {}), message } });
  if (typeof value.kind !== 'string') return fail('has no kind: every catalog entity needs apiVersion, kind, metadata.name and spec');
  const kind = value.kind.toLowerCase();
  const metadata = isObject(value.metadata) ? value.metadata : {};
  const spec = isObject(value.spec) ? value.spec : {};
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : 'default';
  if (kind === 'location') {
    const targets = [...list(spec.target), ...list(spec.targets)];
    if (!targets.length || targets.some((t) => typeof t !== 'string')) return fail('is a Location without targets: give spec.target or spec.targets (paths or URLs)', ['spec']);
    const type = typeof spec.type === 'string' ? spec.type : undefined;
    return { type: 'location', targets: targets.map((target, i) => ({ target: target as string, type, line: doc.lineOf(spec.targets ? ['spec', 'targets', i] : ['spec', 'target']) })) };
  }
  if (typeof metadata.name !== 'string' || !metadata.name) return fail('has no metadata.name', ['metadata']);
  const ref = parseBackstageRef(`${kind}:${namespace}/${metadata.name}`, { defaultNamespace: 'default' });
  if (!ref) return fail(`has an invalid name or namespace "${namespace}/${metadata.name}": Backstage names are letters, digits and "-", "_", "." (at most 63)`, ['metadata', 'name']);
  const entityName = formatBackstageRef(ref);
  if (kind === 'template') return { type: 'skipped', problem: { file, line: doc.line, entity: entityName, message: 'Backstage software templates are not catalog entities: recreate them as Portico actions' } };
  const porticoKind = BACKSTAGE_KINDS[kind];
  if (!porticoKind) return fail(`has kind "${value.kind}", which is not a Backstage built-in kind (Component, API, Resource, System, Domain, Group, User, Location, Template)`, ['kind'], entityName);

  const warnings: BackstageProblem[] = [];
  const properties: Record<string, unknown> = {};
  const unmapped: Record<string, unknown> = {};
  const relations: PendingRelation[] = [];
  const rules = RULES[kind] ?? [];
  const handled = new Set(rules.map((r) => r.field));
  const enums = ENUMS[porticoKind] ?? {};

  for (const [field, allowed] of Object.entries(enums)) {
    const given = spec[field];
    handled.add(field);
    if (given === undefined) continue;
    if (typeof given === 'string' && allowed.includes(given.toLowerCase())) properties[field] = given.toLowerCase();
    else {
      unmapped[field] = given;
      warnings.push({ file, line: doc.lineOf(['spec', field]), entity: entityName, message: `spec.${field} "${String(given)}" is not one of ${allowed.join(', ')}: the default is used and the original kept in properties.backstage.spec.${field}` });
    }
  }
  // The schemas require a type and lifecycle; Backstage requires them too, but not every file has them.
  if (porticoKind === 'component' && properties.type === undefined) properties.type = 'service';
  if ((porticoKind === 'component' || porticoKind === 'api') && properties.lifecycle === undefined) properties.lifecycle = 'production';
  if (porticoKind === 'api' && properties.type === undefined) properties.type = 'openapi';
  if (porticoKind === 'resource') {
    handled.add('type');
    properties.type = typeof spec.type === 'string' ? spec.type : 'other';
  }
  if (porticoKind === 'api' && spec.definition !== undefined) {
    handled.add('definition');
    const text = isObject(spec.definition) ? Object.values(spec.definition).find((v) => typeof v === 'string' && /^https?:\/\//.test(v)) : undefined;
    if (typeof text === 'string') properties.definitionUrl = text;
    else unmapped.definition = spec.definition;
  }
  const profile = isObject(spec.profile) ? spec.profile : {};
  if (kind === 'user' || kind === 'group') {
    handled.add('profile');
    if (typeof profile.email === 'string') properties.email = profile.email;
    if (kind === 'user' && typeof profile.displayName === 'string') properties.displayName = profile.displayName;
    const rest = Object.fromEntries(Object.entries(profile).filter(([k]) => k !== 'email' && (kind === 'group' || k !== 'displayName')));
    if (Object.keys(rest).length) unmapped.profile = rest;
  }

  if (spec.owner !== undefined) {
    handled.add('owner');
    const owner = typeof spec.owner === 'string' ? parseBackstageRef(spec.owner, { defaultKind: 'group', defaultNamespace: namespace }) : null;
    if (!owner) return fail(`has spec.owner ${JSON.stringify(spec.owner)}, which is not an entity ref ([kind:][namespace/]name)`, ['spec', 'owner'], entityName);
    if (OWNED.includes(kind)) relations.push({ holder: ref, relation: '@owner', target: owner, many: false, file, line: doc.lineOf(['spec', 'owner']), entity: entityName });
    else unmapped.owner = spec.owner;
  }
  for (const rule of rules) {
    list(spec[rule.field]).forEach((item, i) => {
      const path = Array.isArray(spec[rule.field]) ? ['spec', rule.field, i] : ['spec', rule.field];
      const target = typeof item === 'string' ? parseBackstageRef(item, { defaultKind: rule.defaultKind, defaultNamespace: namespace }) : null;
      const line = doc.lineOf(path);
      if (!target) {
        warnings.push({ file, line, entity: entityName, message: `spec.${rule.field} ${JSON.stringify(item)} is not an entity ref; left out` });
        return;
      }
      const mapped = rule.relation[target.kind];
      if (!mapped) {
        warnings.push({ file, line, entity: entityName, message: `spec.${rule.field} ${formatBackstageRef(target)}: a ${kind} cannot be related to a ${target.kind} this way in Portico (${Object.keys(rule.relation).join(' or ')} only); kept in properties.backstage.spec` });
        unmapped[rule.field] = spec[rule.field];
        return;
      }
      relations.push(rule.reverse ? { holder: target, relation: mapped.name, target: ref, many: mapped.many, file, line, entity: entityName } : { holder: ref, relation: mapped.name, target, many: mapped.many, file, line, entity: entityName });
    });
  }
  for (const [field, given] of Object.entries(spec)) {
    if (handled.has(field)) continue;
    unmapped[field] = given;
    if (field !== 'type') warnings.push({ file, line: doc.lineOf(['spec', field]), entity: entityName, message: `spec.${field} has no Portico counterpart; kept in properties.backstage.spec.${field}` });
  }

  for (const field of ['annotations', 'labels'] as const) if (isObject(metadata[field])) properties[field] = metadata[field];
  if (Array.isArray(metadata.tags)) properties.tags = metadata.tags;
  if (Array.isArray(metadata.links)) properties.links = metadata.links;
  properties.backstage = { ref: entityName, ...(Object.keys(unmapped).length ? { spec: unmapped } : {}) };

  const title = typeof metadata.title === 'string' ? metadata.title : typeof profile.displayName === 'string' ? profile.displayName : metadata.name;
  const entity: EntityInput = {
    kind: porticoKind,
    id: porticoIdOf(ref),
    title,
    ...(typeof metadata.description === 'string' ? { description: metadata.description } : {}),
    properties,
    relations: {},
  };
  return { type: 'entity', ref, entity, relations, warnings };
}
