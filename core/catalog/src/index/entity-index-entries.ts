import { codeRootOf } from '../code/code-source';
import type { Entity } from '@portico/plugin-api';
import type { KindInfo } from '../kinds/property-classes';
import { toRef } from '../model/ids';
import type { IndexEntry } from './index-entry';
import { encodeValue, indexKeys } from './index-keys';
import { indexTokens } from './tokenize';
import { titleScore } from './title-score';

const MAX_EQ_LENGTH = 512;

function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

export function dateScore(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

function relationTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** The text search reads besides names (id, title): description, string and text properties, string array items. */
export function searchTexts(entity: Entity, info: KindInfo): string[] {
  const texts: string[] = [];
  if (entity.description) texts.push(entity.description);
  for (const prop of info.properties.values()) {
    const value = entity.properties[prop.name];
    if ((prop.cls === 'string' || prop.cls === 'text') && typeof value === 'string') texts.push(value.slice(0, 2000));
    else if (prop.cls === 'array' && Array.isArray(value)) for (const item of value) if (typeof item === 'string') texts.push(item);
  }
  return texts;
}

/**
 * Every index an entity belongs to. Both stores maintain exactly these (as a diff between
 * the entity's old and new entries), and the in-memory query evaluator reads them too, so
 * indexed and post-filtered answers cannot drift apart.
 */
export function entityIndexEntries(entity: Entity, info: KindInfo): IndexEntry[] {
  const { kind } = entity;
  const ref = toRef(kind, entity.id);
  const entries: IndexEntry[] = [
    { key: indexKeys.kind(kind), member: ref, score: 0 },
    { key: indexKeys.all, member: ref, score: 0 },
    { key: indexKeys.updatedAt, member: ref, score: dateScore(entity.meta.updatedAt) ?? 0 },
    { key: indexKeys.title, member: ref, score: titleScore(entity.title || entity.id) },
  ];
  const eq = (field: string, value: unknown): void => {
    const encoded = encodeValue(value);
    if (encoded.length > MAX_EQ_LENGTH) return;
    entries.push({ key: indexKeys.eq(kind, field, encoded), member: ref, score: 0, valuesKey: indexKeys.values(kind, field), value: encoded });
  };
  const texts = searchTexts(entity, info);
  if (entity.meta.source) {
    entries.push({ key: indexKeys.source(entity.meta.source), member: ref, score: 0 });
    const root = codeRootOf(entity.meta.source);
    if (root) entries.push({ key: indexKeys.codeRoot(root), member: ref, score: 0 });
  }
  if (entity.owner) {
    eq('@owner', entity.owner);
    entries.push({ key: indexKeys.has(kind, '@owner'), member: ref, score: 0 });
  }
  for (const prop of info.properties.values()) {
    const value = entity.properties[prop.name];
    // Presence of numbers, dates and booleans is answered by their own indexes.
    if (!isEmptyValue(value) && prop.cls !== 'number' && prop.cls !== 'date' && prop.cls !== 'boolean') entries.push({ key: indexKeys.has(kind, prop.name), member: ref, score: 0 });
    switch (prop.cls) {
      case 'string':
        if (typeof value === 'string' && value !== '') eq(prop.name, value);
        break;
      case 'number':
        if (typeof value === 'number') eq(prop.name, value);
        entries.push({ key: indexKeys.numeric(kind, prop.name), member: ref, score: typeof value === 'number' ? value : Infinity });
        break;
      case 'date': {
        const ms = dateScore(value);
        if (typeof value === 'string') eq(prop.name, value);
        entries.push({ key: indexKeys.numeric(kind, prop.name), member: ref, score: ms ?? Infinity });
        if (prop.timer && ms !== null) entries.push({ key: indexKeys.timers, member: `${ref}|${prop.name}`, score: ms });
        break;
      }
      case 'boolean':
        if (typeof value === 'boolean') eq(prop.name, value);
        break;
      case 'array':
        if (Array.isArray(value)) {
          const seen = new Set<string>();
          for (const item of value) {
            if (item === null || typeof item === 'object') continue;
            const encoded = encodeValue(item);
            if (seen.has(encoded)) continue;
            seen.add(encoded);
            eq(prop.name, item);
          }
        }
        break;
      default:
        break;
    }
  }
  for (const [name, relation] of Object.entries(info.kind.relations ?? {})) {
    const targets = relationTargets(entity.relations[name]);
    if (targets.length > 0) entries.push({ key: indexKeys.has(kind, `@${name}`), member: ref, score: 0 });
    for (const target of new Set(targets)) {
      entries.push({ key: indexKeys.inverse(toRef(relation.target, target), kind, name), member: ref, score: 0 });
    }
  }
  const tokens = new Set<string>();
  indexTokens([entity.id, entity.title], texts, tokens);
  for (const token of tokens) entries.push({ key: indexKeys.token(token), member: ref, score: 0 });
  return entries;
}
