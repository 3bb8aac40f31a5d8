import type { CatalogService, EntityRef, KindDefinition } from '@portico/plugin-api';

/**
 * A `timer` property that came due, claimed by exactly one caller.
 * @public
 */
export interface DueTimer {
  kind: string;
  id: string;
  property: string;
  /** When the timer was due (ISO date-time). */
  at: string;
}

/**
 * What the runner needs from @portico/catalog: the plugin-facing service plus the timer
 * claim. Written as an interface so the runner does not depend on the catalog's internals.
 * @public
 */
export interface Catalog extends CatalogService {
  claimDueTimers?(now: number, limit: number): Promise<unknown[]>;
  registerKind?(kind: KindDefinition, source: string): unknown;
}

/** Reads a claimed timer whatever exact shape the catalog returns (ref or flat fields). */
export function toDueTimer(raw: unknown): DueTimer | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  // The catalog store's shape: `{ member: 'kind/id|property', dueAt: ms }`.
  if (typeof r.member === 'string') {
    const match = /^([^/]+)\/(.+)\|([^|]+)$/.exec(r.member);
    if (!match) return null;
    const due = typeof r.dueAt === 'number' ? r.dueAt : Date.now();
    return { kind: match[1], id: match[2], property: match[3], at: new Date(due).toISOString() };
  }
  const ref = (r.ref ?? r.entity ?? r) as Partial<EntityRef>;
  const kind = typeof ref.kind === 'string' ? ref.kind : typeof r.kind === 'string' ? r.kind : undefined;
  const id = typeof ref.id === 'string' ? ref.id : typeof r.id === 'string' ? r.id : undefined;
  const property = [r.property, r.name, r.field].find((v) => typeof v === 'string') as string | undefined;
  const atValue = r.at ?? r.dueAt ?? r.due ?? r.expiresAt ?? r.value;
  if (!kind || !id || !property) return null;
  const at = typeof atValue === 'number' ? new Date(atValue).toISOString() : typeof atValue === 'string' ? atValue : new Date().toISOString();
  return { kind, id, property, at };
}
