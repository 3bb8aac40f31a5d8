import { useEffect, useState } from 'react';
import type { Entity, EntityRef, QueryResult } from '@portico/plugin-api';
import { apiFetch } from '@portico/ui-api';

/** Titles of the given entities (`kind:id` → title), one catalog query per kind. */
export function useEntityTitles(refs: EntityRef[]): Map<string, string> {
  const [titles, setTitles] = useState<Map<string, string>>(new Map());
  const key = refs.map((ref) => `${ref.kind}:${ref.id}`).sort().join('|');
  useEffect(() => {
    const byKind = new Map<string, string[]>();
    for (const ref of refs) byKind.set(ref.kind, [...new Set([...(byKind.get(ref.kind) ?? []), ref.id])]);
    if (byKind.size === 0) return undefined;
    const controller = new AbortController();
    Promise.all(
      [...byKind.entries()].map(([kind, ids]) =>
        apiFetch<QueryResult<Entity>>('/entities/query', { body: { kind, filter: { combinator: 'and', rules: [{ property: 'id', operator: 'in', value: ids.slice(0, 200) }] }, limit: Math.min(ids.length, 200) }, signal: controller.signal }).catch(() => null),
      ),
    ).then((results) => {
      if (controller.signal.aborted) return;
      const found = new Map<string, string>();
      for (const result of results) for (const entity of result?.items ?? []) found.set(`${entity.kind}:${entity.id}`, entity.title);
      setTitles(found);
    });
    return () => controller.abort();
  }, [key]);
  return titles;
}
