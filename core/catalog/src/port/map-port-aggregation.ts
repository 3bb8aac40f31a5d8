import type { AggregationProperty, QueryFilter, QueryRule } from '@portico/plugin-api';
import type { PortAggregationProperty } from './port-export';
import type { PortBlueprints } from './port-blueprints';
import { fieldNameOf } from './port-ids';

const FUNCS: Record<string, AggregationProperty['func']> = { count: 'count', sum: 'sum', average: 'avg', min: 'min', max: 'max' };
const OPERATORS = new Set(['=', '!=', '<', '<=', '>', '>=', 'in', 'notIn', 'contains', 'containsAny', 'beginsWith', 'endsWith', 'isEmpty', 'isNotEmpty']);

/**
 * The relation Portico folds over: Port aggregates over every path to the target blueprint,
 * Portico over one direct relation (this kind's, or the target's pointing back). With one
 * direct relation, or a one-step `pathFilter`, the two count the same entities.
 */
function relationOf(blueprint: string, def: PortAggregationProperty, blueprints: PortBlueprints): { relation: string } | { reason: string } {
  const forward = Object.entries(blueprints.byId.get(blueprint)?.relations ?? {}).filter(([, r]) => r.target === def.target).map(([name]) => ({ relation: fieldNameOf(name)!, name }));
  const targetKind = blueprints.kindOf(def.target)!;
  const backward = Object.entries(blueprints.byId.get(def.target)?.relations ?? {}).filter(([, r]) => r.target === blueprint).map(([name]) => ({ relation: `${targetKind}.${fieldNameOf(name)}`, name }));
  let candidates = [...forward, ...backward];
  if (Array.isArray(def.pathFilter) && def.pathFilter.length) {
    const paths = def.pathFilter as Array<{ path?: unknown }>;
    const path = paths.length === 1 && Array.isArray(paths[0].path) ? (paths[0].path as string[]) : null;
    if (!path || path.length !== 1) return { reason: 'its pathFilter follows more than one relation; Portico aggregates over one direct relation' };
    candidates = candidates.filter((c) => c.name === path[0]);
  }
  if (candidates.length === 1) return { relation: candidates[0].relation };
  if (!candidates.length) return { reason: `${def.target} is not directly related to ${blueprint} (Portico aggregates over one direct relation)` };
  return { reason: `${candidates.length} relations connect ${blueprint} and ${def.target} (${candidates.map((c) => c.name).join(', ')}); add a one-step pathFilter in Port to pick one` };
}

function filterOf(query: unknown, target: string, blueprints: PortBlueprints): { filter: QueryFilter } | { reason: string } {
  const q = query as { combinator?: unknown; rules?: unknown };
  if (!q || (q.combinator !== 'and' && q.combinator !== 'or') || !Array.isArray(q.rules)) return { reason: 'its query is not { combinator, rules }' };
  const rules: QueryRule[] = [];
  for (const rule of q.rules as Array<Record<string, unknown>>) {
    if (rule && 'combinator' in rule) {
      const nested = filterOf(rule, target, blueprints);
      if ('reason' in nested) return nested;
      rules.push(nested.filter);
      continue;
    }
    if (!rule || typeof rule.property !== 'string' || typeof rule.operator !== 'string') return { reason: `its query rule ${JSON.stringify(rule)} is not a property rule (relation and date-preset rules are not translated)` };
    if (!OPERATORS.has(rule.operator)) return { reason: `its query operator "${rule.operator}" has no counterpart` };
    const field = blueprints.field(target, rule.property, { mirror: false });
    if ('reason' in field) return { reason: `its query reads ${field.reason}` };
    rules.push({ property: field.field, operator: rule.operator as never, ...(rule.value !== undefined ? { value: rule.value } : {}) });
  }
  return { filter: { combinator: q.combinator, rules } };
}

/** A Port aggregation property as Portico's, or the reason it has none. */
export function mapPortAggregation(blueprint: string, def: PortAggregationProperty, blueprints: PortBlueprints): { aggregation: AggregationProperty } | { reason: string } {
  if (!blueprints.kindOf(def.target)) return { reason: `its target blueprint "${def.target}" is not in the export` };
  const spec = def.calculationSpec ?? {};
  if (spec.averageOf || (spec.calculationBy !== 'property' && spec.func === 'average')) return { reason: `it averages entities per ${spec.averageOf ?? 'time period'}, which needs creation times Portico does not aggregate over` };
  const func = FUNCS[spec.func ?? ''];
  if (!func) return { reason: `its function "${spec.func}" has no counterpart (Portico has count, sum, average, min and max)` };
  const relation = relationOf(blueprint, def, blueprints);
  if ('reason' in relation) return relation;
  const aggregation: AggregationProperty = { ...(def.title ? { title: def.title } : {}), relation: relation.relation, func };
  if (spec.calculationBy === 'property') {
    if (typeof spec.property !== 'string') return { reason: 'it aggregates by property but names none' };
    const field = blueprints.field(def.target, spec.property, { mirror: false });
    if ('reason' in field) return { reason: `it aggregates ${field.reason}` };
    aggregation.property = field.field;
  } else if (func !== 'count') return { reason: `it applies "${spec.func}" to entities; only count applies to entities` };
  if (def.query !== undefined) {
    const filter = filterOf(def.query, def.target, blueprints);
    if ('reason' in filter) return filter;
    aggregation.filter = filter.filter;
  }
  return { aggregation };
}
