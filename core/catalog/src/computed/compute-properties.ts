import type { AggregationProperty, CalculationProperty, Entity, KindDefinition } from '@portico/plugin-api';
import { indexKeys } from '../index/index-keys';
import type { KindInfo } from '../kinds/property-classes';
import { toRef } from '../model/ids';
import { matchFilter } from '../query/match-entity';
import { evaluateExpression, parseExpression, type Expr } from './expression';

export interface ComputeContext {
  kinds: Map<string, KindInfo>;
  getMany(refs: string[]): Promise<Array<Entity | null>>;
  members(keys: string[]): Promise<string[][]>;
}

/** Related entities beyond this many are not folded into an aggregation. */
const MAX_AGGREGATED = 10_000;
const parsed = new WeakMap<CalculationProperty, Expr>();

function targets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function hasComputed(kind: KindDefinition): boolean {
  return !!(kind.mirror && Object.keys(kind.mirror).length) || !!(kind.calculation && Object.keys(kind.calculation).length) || !!(kind.aggregation && Object.keys(kind.aggregation).length);
}

function readField(entity: Entity, field: string): unknown {
  if (field.startsWith('$')) {
    const name = field.slice(1);
    if (name === 'id' || name === 'kind' || name === 'title' || name === 'description' || name === 'owner') return entity[name] ?? null;
    return null;
  }
  return Object.hasOwn(entity.properties, field) ? entity.properties[field] : null;
}

class Loader {
  private readonly cache = new Map<string, Entity | null>();
  constructor(private readonly ctx: ComputeContext) {}

  async load(refs: string[]): Promise<Array<Entity | null>> {
    const missing = [...new Set(refs.filter((r) => !this.cache.has(r)))];
    if (missing.length) {
      const found = await this.ctx.getMany(missing);
      missing.forEach((ref, i) => this.cache.set(ref, found[i]));
    }
    return refs.map((r) => this.cache.get(r) ?? null);
  }
}

async function mirror(entity: Entity, path: string, ctx: ComputeContext, loader: Loader): Promise<unknown> {
  const parts = path.split('.');
  const field = parts.pop()!;
  let current: Entity[] = [entity];
  let many = false;
  for (const relationName of parts) {
    const refs: string[] = [];
    for (const e of current) {
      const relation = ctx.kinds.get(e.kind)?.kind.relations?.[relationName];
      if (!relation || !Object.hasOwn(e.relations, relationName)) continue;
      if (relation.many) many = true;
      for (const id of targets(e.relations[relationName])) refs.push(toRef(relation.target, id));
    }
    current = (await loader.load(refs)).filter((e): e is Entity => e !== null);
  }
  const values = current.map((e) => readField(e, field));
  return many ? values : (values[0] ?? null);
}

async function related(entity: Entity, def: AggregationProperty, ctx: ComputeContext, loader: Loader): Promise<Entity[]> {
  const info = ctx.kinds.get(entity.kind);
  const forward = info?.kind.relations?.[def.relation];
  if (forward && Object.hasOwn(info!.kind.relations!, def.relation)) {
    return (await loader.load(targets(entity.relations[def.relation]).map((id) => toRef(forward.target, id)))).filter((e): e is Entity => e !== null);
  }
  const keys: string[] = [];
  const ref = toRef(entity.kind, entity.id);
  for (const other of ctx.kinds.values()) {
    for (const [name, rel] of Object.entries(other.kind.relations ?? {})) {
      if (rel.target !== entity.kind) continue;
      if (rel.inverse === def.relation || `${other.kind.id}.${name}` === def.relation) keys.push(indexKeys.inverse(ref, other.kind.id, name));
    }
  }
  const refs = [...new Set((await ctx.members(keys)).flat())].slice(0, MAX_AGGREGATED);
  return (await loader.load(refs)).filter((e): e is Entity => e !== null);
}

function fold(entities: Entity[], def: AggregationProperty): number | null {
  const matching = def.filter ? entities.filter((e) => matchFilter(e, def.filter!)) : entities;
  if (def.func === 'count') return matching.length;
  const numbers = matching.map((e) => e.properties[def.property!]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (def.func === 'sum') return numbers.reduce((a, b) => a + b, 0);
  if (numbers.length === 0) return null;
  if (def.func === 'avg') return numbers.reduce((a, b) => a + b, 0) / numbers.length;
  return def.func === 'min' ? Math.min(...numbers) : Math.max(...numbers);
}

function calculate(entity: Entity, def: CalculationProperty): unknown {
  let expr = parsed.get(def);
  if (!expr) {
    expr = parseExpression(def.expression);
    parsed.set(def, expr);
  }
  const scope = { id: entity.id, kind: entity.kind, title: entity.title, description: entity.description ?? null, owner: entity.owner ?? null, properties: entity.properties, relations: entity.relations };
  const value = evaluateExpression(expr, scope);
  if (def.type === 'number') {
    const n = Number(value);
    return value === null || !Number.isFinite(n) ? null : n;
  }
  if (def.type === 'string') return value === null ? null : String(value);
  if (def.type === 'boolean') return Boolean(value);
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

/** Copies of the entities with `computed` filled in: mirrors, calculations, aggregations (computed on read). */
export async function withComputed(entities: Entity[], ctx: ComputeContext): Promise<Entity[]> {
  const loader = new Loader(ctx);
  return Promise.all(
    entities.map(async (entity) => {
      const kind = ctx.kinds.get(entity.kind)?.kind;
      if (!kind || !hasComputed(kind)) return entity;
      const computed: Record<string, unknown> = {};
      for (const [name, def] of Object.entries(kind.mirror ?? {})) computed[name] = await mirror(entity, def.path, ctx, loader);
      for (const [name, def] of Object.entries(kind.calculation ?? {})) computed[name] = calculate(entity, def);
      for (const [name, def] of Object.entries(kind.aggregation ?? {})) computed[name] = fold(await related(entity, def, ctx, loader), def);
      return { ...entity, computed };
    }),
  );
}
