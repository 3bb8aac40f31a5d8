import { ValidationError, type EntityQuery, type PropertyRule, type QueryFilter, type QueryRule, type RelatedToRule } from '@portico/plugin-api';
import type { KindInfo, PropertyInfo } from '../kinds/property-classes';
import { encodeValue, indexKeys } from '../index/index-keys';
import { MAX_TOKEN_PREFIX, MAX_WORD_TOKEN, words } from '../index/tokenize';
import { dateScore } from '../index/entity-index-entries';
import { toRef } from '../model/ids';
import type { FacetSpec, PlanNode, SortSpec, ValueMatch } from './plan';

export const OPERATORS = new Set(['=', '!=', '<', '<=', '>', '>=', 'in', 'notIn', 'contains', 'containsAny', 'beginsWith', 'endsWith', 'isEmpty', 'isNotEmpty', 'between']);
const MAX_RULES = 100;

export interface CompiledQuery {
  node: PlanNode;
  /** False when some rule runs as a post-filter: `node` is then a superset of the matches. */
  exact: boolean;
  sort: SortSpec;
  facets: FacetSpec[];
}

interface Part {
  node: PlanNode;
  exact: boolean;
  /** True when the node only holds entities of the kind being compiled (so the kind set can be dropped from an AND). */
  scoped: boolean;
}

type Field =
  | { type: 'id' | 'kind' | 'title' | 'description' | 'updatedAt' | 'nested' }
  | { type: 'owner' }
  | { type: 'relation'; name: string; target: string }
  | { type: 'prop'; info: PropertyInfo }
  | { type: 'absent' };

const EMPTY: PlanNode = { t: 'empty' };

function bad(pointer: string, message: string): ValidationError {
  return new ValidationError(`The query is invalid: ${pointer} ${message}.`, [{ pointer, message }]);
}

function and(parts: Part[], universe: Part): Part {
  if (parts.some((p) => p.node.t === 'empty')) return { node: EMPTY, exact: parts.every((p) => p.exact), scoped: true };
  const kept = parts.filter((p) => !(p.node.t === 'key' && p.node.key === (universe.node as { key: string }).key));
  // Scoped among the parts kept: a dropped universe part no longer scopes what is left (a kindless search AND "kind = x" once matched every kind).
  const scoped = kept.some((p) => p.scoped);
  const nodes = kept.map((p) => p.node);
  if (!scoped) nodes.unshift(universe.node);
  const exact = parts.every((p) => p.exact);
  if (nodes.length === 0) return { ...universe, exact };
  return { node: nodes.length === 1 ? nodes[0] : { t: 'and', of: nodes }, exact, scoped: true };
}

function or(parts: Part[]): Part {
  const kept = parts.filter((p) => p.node.t !== 'empty');
  const exact = parts.every((p) => p.exact);
  if (kept.length === 0) return { node: EMPTY, exact, scoped: true };
  return { node: kept.length === 1 ? kept[0].node : { t: 'or', of: kept.map((p) => p.node) }, exact, scoped: kept.every((p) => p.scoped) };
}

class KindCompiler {
  private readonly universe: Part;

  constructor(
    private readonly info: KindInfo,
    private readonly related: Map<RelatedToRule, string[]>,
    private readonly kindless: boolean,
  ) {
    this.universe = { node: { t: 'key', key: indexKeys.kind(info.kind.id) }, exact: true, scoped: true };
  }

  filter(filter: QueryFilter, pointer: string): Part {
    const parts = filter.rules.map((rule, i) => this.rule(rule, `${pointer}/rules/${i}`));
    if (parts.length === 0) return this.universe;
    return filter.combinator === 'or' ? or(parts) : and(parts, this.universe);
  }

  search(search: string[]): Part {
    const { node, exact } = searchNode(search, indexKeys.kind(this.info.kind.id));
    return { node, exact, scoped: false };
  }

  withUniverse(part: Part): Part {
    return and([part], this.universe);
  }

  private rule(rule: QueryRule, pointer: string): Part {
    if ('combinator' in rule) return this.filter(rule, pointer);
    if (rule.operator === 'relatedTo') {
      const refs = this.related.get(rule as RelatedToRule) ?? [];
      return { node: refs.length ? { t: 'ids', refs } : EMPTY, exact: true, scoped: false };
    }
    return this.property(rule as PropertyRule, pointer);
  }

  private field(property: string, pointer: string): Field {
    const kind = this.info.kind;
    if (property === 'id' || property === 'kind' || property === 'title' || property === 'description' || property === 'owner') return { type: property };
    if (property === 'meta.updatedAt') return { type: 'updatedAt' };
    if (property.startsWith('relations.')) {
      const name = property.slice('relations.'.length);
      const relation = Object.hasOwn(kind.relations ?? {}, name) ? kind.relations![name] : undefined;
      if (relation) return { type: 'relation', name, target: relation.target };
      if (this.kindless) return { type: 'absent' };
      throw bad(`${pointer}/property`, `names relation "${name}", which kind "${kind.id}" does not have`);
    }
    const path = property.startsWith('properties.') ? property.slice('properties.'.length) : property;
    const [head, ...rest] = path.split('.');
    const info = this.info.properties.get(head);
    if (!info) {
      if (this.kindless) return { type: 'absent' };
      throw bad(`${pointer}/property`, `names "${property}", which is not a property of kind "${kind.id}"`);
    }
    return rest.length ? { type: 'nested' } : { type: 'prop', info };
  }

  private residual(rule: PropertyRule): Part {
    return { node: { t: 'residual', universe: indexKeys.kind(this.info.kind.id), rule }, exact: false, scoped: true };
  }

  private not(part: Part): Part {
    return { node: { t: 'diff', of: [this.universe.node, part.node] }, exact: true, scoped: true };
  }

  private property(rule: PropertyRule, pointer: string): Part {
    if (typeof rule.property !== 'string') throw bad(`${pointer}/property`, 'must be a string');
    if (!OPERATORS.has(rule.operator)) throw bad(`${pointer}/operator`, `must be one of ${[...OPERATORS, 'relatedTo'].join(', ')}`);
    const field = this.field(rule.property, pointer);
    const kindId = this.info.kind.id;
    const op = rule.operator;
    const value = rule.value;
    const needList = op === 'in' || op === 'notIn' || op === 'containsAny';
    if (needList && !Array.isArray(value)) throw bad(`${pointer}/value`, `must be an array for "${op}"`);
    if (op === 'between' && (!Array.isArray(value) || value.length !== 2)) throw bad(`${pointer}/value`, 'must be an array [low, high] for "between"');
    if (op !== 'isEmpty' && op !== 'isNotEmpty' && value === undefined) throw bad(`${pointer}/value`, `is required for "${op}"`);

    switch (field.type) {
      case 'absent':
        return op === '!=' || op === 'notIn' || op === 'isEmpty' ? this.universe : { node: EMPTY, exact: true, scoped: true };
      case 'kind': {
        const matches = op === '=' ? value === kindId : op === '!=' ? value !== kindId : op === 'in' ? (value as unknown[]).includes(kindId) : op === 'notIn' ? !(value as unknown[]).includes(kindId) : null;
        if (matches === null) return this.residual(rule);
        return matches ? this.universe : { node: EMPTY, exact: true, scoped: true };
      }
      case 'id': {
        const list = (v: unknown, p: string): string[] => {
          const items = Array.isArray(v) ? v : [v];
          items.forEach((item, i) => {
            if (typeof item !== 'string') throw bad(Array.isArray(v) ? `${p}/${i}` : p, 'must be a string');
          });
          return (items as string[]).map((id) => toRef(kindId, id));
        };
        if (op === '=' || op === 'in') return { node: { t: 'and', of: [this.universe.node, { t: 'ids', refs: list(value, `${pointer}/value`) }] }, exact: true, scoped: true };
        if (op === '!=' || op === 'notIn') return { node: { t: 'diff', of: [this.universe.node, { t: 'ids', refs: list(value, `${pointer}/value`) }] }, exact: true, scoped: true };
        if (op === 'beginsWith') {
          list(value, `${pointer}/value`);
          return { node: { t: 'prefix', key: indexKeys.kind(kindId), prefix: toRef(kindId, value as string) }, exact: true, scoped: true };
        }
        if (op === 'isNotEmpty') return this.universe;
        if (op === 'isEmpty') return { node: EMPTY, exact: true, scoped: true };
        return this.residual(rule);
      }
      case 'updatedAt':
        return this.range(rule, pointer, indexKeys.updatedAt, 'date', false) ?? this.residual(rule);
      case 'owner':
        return this.scalar(rule, pointer, '@owner', 'string') ?? this.residual(rule);
      case 'relation': {
        const key = (id: unknown, p: string): PlanNode => {
          if (typeof id !== 'string') throw bad(p, 'must be an entity id (a string)');
          return { t: 'key', key: indexKeys.inverse(toRef(field.target, id), kindId, field.name) };
        };
        const any = (): Part => or((value as unknown[]).map((v, i) => ({ node: key(v, `${pointer}/value/${i}`), exact: true, scoped: true })));
        const has: Part = { node: { t: 'key', key: indexKeys.has(kindId, `@${field.name}`) }, exact: true, scoped: true };
        switch (op) {
          case '=':
          case 'contains':
            return { node: key(value, `${pointer}/value`), exact: true, scoped: true };
          case 'in':
          case 'containsAny':
            return any();
          case '!=':
            return this.not({ node: key(value, `${pointer}/value`), exact: true, scoped: true });
          case 'notIn':
            return this.not(any());
          case 'isEmpty':
            return this.not(has);
          case 'isNotEmpty':
            return has;
          default:
            return this.residual(rule);
        }
      }
      case 'prop': {
        const { info } = field;
        if (info.cls === 'string' || info.cls === 'number' || info.cls === 'boolean' || info.cls === 'date' || info.cls === 'array') {
          const itemType = info.cls === 'number' ? 'number' : info.cls === 'boolean' ? 'boolean' : info.cls === 'array' ? 'any' : 'string';
          return this.scalar(rule, pointer, info.name, itemType, info) ?? this.residual(rule);
        }
        if (op === 'isEmpty') return this.not({ node: { t: 'key', key: indexKeys.has(kindId, info.name) }, exact: true, scoped: true });
        if (op === 'isNotEmpty') return { node: { t: 'key', key: indexKeys.has(kindId, info.name) }, exact: true, scoped: true };
        return this.residual(rule);
      }
      default:
        return this.residual(rule);
    }
  }

  private range(rule: PropertyRule, pointer: string, key: string, type: 'number' | 'date', allowEq: boolean): Part | null {
    const score = (v: unknown, p: string): number => {
      if (type === 'number') {
        if (typeof v !== 'number' || !Number.isFinite(v)) throw bad(p, 'must be a number');
        return v;
      }
      const ms = dateScore(v);
      if (ms === null) throw bad(p, 'must be a date-time string');
      return ms;
    };
    const node = (min: string, max: string): Part => ({ node: { t: 'range', key, min, max }, exact: true, scoped: key !== indexKeys.updatedAt });
    const p = `${pointer}/value`;
    switch (rule.operator) {
      case '<':
        return node('-inf', `(${score(rule.value, p)}`);
      case '<=':
        return node('-inf', `${score(rule.value, p)}`);
      case '>':
        return node(`(${score(rule.value, p)}`, '(+inf');
      case '>=':
        return node(`${score(rule.value, p)}`, '(+inf');
      case 'between': {
        const [lo, hi] = rule.value as unknown[];
        return node(`${score(lo, `${p}/0`)}`, `${score(hi, `${p}/1`)}`);
      }
      case '=':
        return allowEq ? node(`${score(rule.value, p)}`, `${score(rule.value, p)}`) : null;
      default:
        return null;
    }
  }

  private scalar(rule: PropertyRule, pointer: string, field: string, itemType: 'string' | 'number' | 'boolean' | 'any', info?: PropertyInfo): Part | null {
    const kindId = this.info.kind.id;
    const op = rule.operator;
    const p = `${pointer}/value`;
    const check = (v: unknown, at: string): unknown => {
      if (itemType === 'any') {
        if (v === null || typeof v === 'object') throw bad(at, 'must be a string, number or boolean');
      } else if (typeof v !== itemType) throw bad(at, `must be a ${itemType}`);
      return v;
    };
    const eq = (v: unknown, at: string): Part => ({ node: { t: 'key', key: indexKeys.eq(kindId, field, encodeValue(check(v, at))) }, exact: true, scoped: true });
    const any = (): Part => or((rule.value as unknown[]).map((v, i) => eq(v, `${p}/${i}`)));
    const has: Part = { node: { t: 'key', key: indexKeys.has(kindId, field) }, exact: true, scoped: true };
    const values = (match: ValueMatch): Part => ({ node: { t: 'values', valuesKey: indexKeys.values(kindId, field), eqPrefix: indexKeys.eqPrefix(kindId, field), match }, exact: true, scoped: true });
    const isArray = info?.cls === 'array';
    const isText = itemType === 'string';
    if (info && (info.cls === 'number' || info.cls === 'date')) {
      const ranged = this.range(rule, pointer, indexKeys.numeric(kindId, info.name), info.cls, false);
      if (ranged) return ranged;
    }
    const present = (): Part => {
      if (info && (info.cls === 'number' || info.cls === 'date')) return { node: { t: 'range', key: indexKeys.numeric(kindId, info.name), min: '-inf', max: '(+inf' }, exact: true, scoped: true };
      if (info && info.cls === 'boolean') return values({});
      return has;
    };
    // Empty strings are not in the equality indexes (they count as empty): compare them in the post-filter.
    if (['=', '!=', 'in', 'notIn'].includes(op) && (rule.value === '' || (Array.isArray(rule.value) && rule.value.includes('')))) return null;
    switch (op) {
      case 'isEmpty':
        return this.not(present());
      case 'isNotEmpty':
        return present();
      case '=':
        if (isArray) {
          if (!Array.isArray(rule.value)) throw bad(p, 'must be an array to compare with an array property (use "contains" for one element)');
          return null;
        }
        return eq(rule.value, p);
      case '!=':
        return isArray ? null : this.not(eq(rule.value, p));
      case 'in':
        return isArray ? null : any();
      case 'notIn':
        return isArray ? null : this.not(any());
      case 'contains':
        if (isArray) return eq(rule.value, p);
        if (isText) return values({ contains: check(rule.value, p) as string });
        return null;
      case 'containsAny':
        return isArray ? any() : null;
      case 'beginsWith':
        if (!isText && !isArray) return null;
        if (typeof rule.value !== 'string') throw bad(p, 'must be a string');
        return isText ? values({ encodedPrefix: encodeValue(rule.value).slice(0, -1) }) : null;
      case 'endsWith':
        if (typeof rule.value !== 'string') throw bad(p, 'must be a string');
        return isText ? values({ suffix: rule.value }) : null;
      case '<':
      case '<=':
      case '>':
      case '>=':
        if (!isText) return null;
        return values({ [{ '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte' }[op]]: check(rule.value, p) as string });
      case 'between': {
        if (!isText) return null;
        const [lo, hi] = rule.value as unknown[];
        return values({ gte: check(lo, `${p}/0`) as string, lte: check(hi, `${p}/1`) as string });
      }
      default:
        return null;
    }
  }
}

/**
 * Search words to index lookups: a word up to MAX_TOKEN_PREFIX long is one token set
 * (whole words anywhere, prefixes of names); a longer one is narrowed by its whole-word and
 * prefix tokens and then checked exactly by the post-filter.
 */
function searchNode(search: string[], universe: string): { node: PlanNode; exact: boolean } {
  const nodes: PlanNode[] = search.map((w): PlanNode => {
    if (w.length <= MAX_TOKEN_PREFIX) return { t: 'key', key: indexKeys.token(w) };
    return { t: 'or', of: [{ t: 'key', key: indexKeys.token(w.slice(0, MAX_WORD_TOKEN)) }, { t: 'key', key: indexKeys.token(w.slice(0, MAX_TOKEN_PREFIX)) }] };
  });
  const exact = search.every((w) => w.length <= MAX_TOKEN_PREFIX);
  if (!exact) nodes.push({ t: 'residual', universe, search });
  return { node: nodes.length === 1 ? nodes[0] : { t: 'and', of: nodes }, exact };
}

function checkFilter(filter: unknown, pointer: string, depth: number, count: { n: number }): void {
  if (!filter || typeof filter !== 'object' || Array.isArray(filter)) throw bad(pointer, 'must be an object');
  const f = filter as QueryFilter;
  if (f.combinator !== 'and' && f.combinator !== 'or') throw bad(`${pointer}/combinator`, 'must be "and" or "or"');
  if (!Array.isArray(f.rules)) throw bad(`${pointer}/rules`, 'must be an array');
  if (depth > 8) throw bad(pointer, 'nests too deep (at most 8 levels)');
  f.rules.forEach((rule, i) => {
    const p = `${pointer}/rules/${i}`;
    if (++count.n > MAX_RULES) throw bad(p, `exceeds the limit of ${MAX_RULES} rules`);
    if (!rule || typeof rule !== 'object' || Array.isArray(rule)) throw bad(p, 'must be an object');
    if ('combinator' in rule) checkFilter(rule, p, depth + 1, count);
    else if ((rule as { operator?: unknown }).operator === 'relatedTo') {
      const r = rule as RelatedToRule;
      if (typeof r.kind !== 'string') throw bad(`${p}/kind`, 'must be a kind id');
      if (typeof r.id !== 'string') throw bad(`${p}/id`, 'must be an entity id');
      if (r.direction !== 'upstream' && r.direction !== 'downstream') throw bad(`${p}/direction`, 'must be "upstream" or "downstream"');
      if (r.maxHops !== undefined && (!Number.isInteger(r.maxHops) || r.maxHops < 1 || r.maxHops > 10)) throw bad(`${p}/maxHops`, 'must be an integer from 1 to 10');
    } else if (typeof (rule as PropertyRule).property !== 'string') throw bad(`${p}/property`, 'is required (a string)');
  });
}

/** Every relatedTo rule in the filter, in order. */
export function relatedRules(filter: QueryFilter | undefined): RelatedToRule[] {
  const found: RelatedToRule[] = [];
  const walk = (f: QueryFilter): void => {
    for (const rule of f.rules) {
      if ('combinator' in rule) walk(rule);
      else if (rule.operator === 'relatedTo') found.push(rule as RelatedToRule);
    }
  };
  if (filter) walk(filter);
  return found;
}

export function validateQueryShape(query: EntityQuery): void {
  if (query.filter !== undefined) checkFilter(query.filter, '/filter', 0, { n: 0 });
  if (query.search !== undefined && typeof query.search !== 'string') throw bad('/search', 'must be a string');
  if (query.kind !== undefined && typeof query.kind !== 'string') throw bad('/kind', 'must be a kind id');
}

/** Turns a query into an index plan for the kinds in scope. */
export function compileQuery(query: EntityQuery, kinds: Map<string, KindInfo>, related: Map<RelatedToRule, string[]>): CompiledQuery {
  validateQueryShape(query);
  let scope: KindInfo[];
  if (query.kind !== undefined) {
    const info = kinds.get(query.kind);
    if (!info) throw bad('/kind', `names kind "${query.kind}", which does not exist`);
    scope = [info];
  } else scope = [...kinds.values()];
  const kindless = query.kind === undefined;
  const searchWords = query.search ? words(query.search) : [];

  let node: PlanNode;
  let exact = true;
  if (!query.filter && kindless) {
    if (searchWords.length) {
      ({ node, exact } = searchNode(searchWords, indexKeys.all));
    } else node = { t: 'key', key: indexKeys.all };
  } else {
    const parts: Part[] = [];
    for (const info of scope) {
      const compiler = new KindCompiler(info, related, kindless);
      const pieces: Part[] = [];
      if (query.filter) pieces.push(compiler.filter(query.filter, '/filter'));
      if (searchWords.length) pieces.push(compiler.search(searchWords));
      const part = pieces.length ? and(pieces, { node: { t: 'key', key: indexKeys.kind(info.kind.id) }, exact: true, scoped: true }) : compiler.withUniverse({ node: { t: 'key', key: indexKeys.kind(info.kind.id) }, exact: true, scoped: true });
      parts.push(part);
    }
    const merged = or(parts);
    node = merged.node;
    exact = merged.exact;
  }
  return { node, exact, sort: compileSort(query, kinds), facets: compileFacets(query, scope) };
}

function compileSort(query: EntityQuery, kinds: Map<string, KindInfo>): SortSpec {
  const sort = query.sort;
  if (sort === undefined) return { key: null, desc: false, label: 'id:asc' };
  if (!sort || typeof sort !== 'object' || typeof sort.property !== 'string') throw bad('/sort/property', 'is required (a string)');
  if (sort.order !== undefined && sort.order !== 'asc' && sort.order !== 'desc') throw bad('/sort/order', 'must be "asc" or "desc"');
  const desc = sort.order === 'desc';
  const label = `${sort.property}:${desc ? 'desc' : 'asc'}`;
  if (sort.property === 'id') return { key: null, desc, label };
  if (sort.property === 'meta.updatedAt') return { key: indexKeys.updatedAt, desc, label };
  if (sort.property === 'title') return { key: indexKeys.title, desc, label };
  const name = sort.property.startsWith('properties.') ? sort.property.slice('properties.'.length) : sort.property;
  const info = query.kind ? kinds.get(query.kind)?.properties.get(name) : undefined;
  if (!info || (info.cls !== 'number' && info.cls !== 'date')) {
    throw bad('/sort/property', 'can be "id", "title", "meta.updatedAt" or a number or date-time property of the queried kind (set "kind")');
  }
  return { key: indexKeys.numeric(query.kind!, name), desc, label };
}

function compileFacets(query: EntityQuery, scope: KindInfo[]): FacetSpec[] {
  if (query.facets === undefined) return [];
  if (!Array.isArray(query.facets) || query.facets.length > 20) throw bad('/facets', 'must be an array of at most 20 property names');
  return query.facets.map((name, i) => {
    if (typeof name !== 'string') throw bad(`/facets/${i}`, 'must be a string');
    if (name === 'kind') return { name, sources: scope.map((info) => ({ key: indexKeys.kind(info.kind.id), value: encodeValue(info.kind.id) })) };
    const field = name === 'owner' ? '@owner' : name.startsWith('properties.') ? name.slice('properties.'.length) : name;
    const sources = scope
      .filter((info) => field === '@owner' || ['string', 'number', 'boolean', 'date', 'array'].includes(info.properties.get(field)?.cls ?? ''))
      .map((info) => ({ valuesKey: indexKeys.values(info.kind.id, field), eqPrefix: indexKeys.eqPrefix(info.kind.id, field) }));
    if (sources.length === 0) throw bad(`/facets/${i}`, `names "${name}", which is not a facetable property (kind, owner, or a string, number, boolean, date or array property) of the kinds queried`);
    return { name, sources };
  });
}
