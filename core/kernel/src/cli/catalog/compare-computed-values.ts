import { isDeepStrictEqual } from 'node:util';
import type { PortalClient } from './write-entities-through-api';

export interface ComputedComparison {
  equal: number;
  differences: Array<{ ref: string; name: string; expected: unknown; actual: unknown }>;
}

function same(expected: unknown, actual: unknown): boolean {
  if (typeof expected === 'number' && typeof actual === 'number') return Math.abs(expected - actual) <= 1e-9 * Math.max(1, Math.abs(expected));
  return isDeepStrictEqual(expected, actual);
}

/** Reads the written entities back and compares what the portal computes with the values the source showed. */
export async function compareComputedValues(portal: PortalClient, shown: Array<{ kind: string; id: string; computed: Record<string, unknown> }>): Promise<ComputedComparison> {
  const result: ComputedComparison = { equal: 0, differences: [] };
  for (const { kind, id, computed } of shown) {
    const res = await fetch(`${portal.url}/api/v1/kinds/${encodeURIComponent(kind)}/entities/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${portal.token}` } });
    const entity = res.ok ? ((await res.json()) as { computed?: Record<string, unknown> }) : null;
    for (const [name, expected] of Object.entries(computed)) {
      const actual = entity ? (entity.computed?.[name] ?? null) : `not readable (${res.status})`;
      if (same(expected, actual)) result.equal += 1;
      else result.differences.push({ ref: `${kind}/${id}`, name, expected, actual });
    }
  }
  return result;
}
