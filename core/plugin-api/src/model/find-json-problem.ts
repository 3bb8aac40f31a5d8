/** Keys that would reach `Object.prototype` when a parsed value is merged or spread. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The JSON nesting a portal accepts by default (objects and arrays inside each other).
 * @public
 */
export const DEFAULT_MAX_JSON_DEPTH = 64;

/**
 * What is wrong with a JSON value, and where (a JSON pointer).
 * @public
 */
export interface JsonProblem {
  problem: 'forbidden-key' | 'too-deep';
  pointer: string;
}

interface Frame {
  value: unknown;
  depth: number;
  parent: Frame | null;
  /** This value's key or index in its parent, pointer-escaped. */
  step: string;
}

function pointerOf(frame: Frame, base: string): string {
  const steps: string[] = [];
  for (let f: Frame | null = frame; f && f.parent; f = f.parent) steps.push(f.step);
  return base + steps.reverse().map((s) => `/${s}`).join('');
}

function escapeStep(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * The first prototype-polluting key, or the first object or array nested deeper than
 * `maxDepth` (the top-level value is depth 1), in document order. Iterative, so a hostile
 * document nested 100,000 deep cannot overflow the stack; pointers are built only for the
 * answer, so deep documents cost linear time.
 * @public
 */
export function findJsonProblem(value: unknown, options: { maxDepth?: number; pointer?: string } = {}): JsonProblem | null {
  const maxDepth = options.maxDepth ?? Infinity;
  const base = options.pointer ?? '';
  const stack: Frame[] = [{ value, depth: 1, parent: null, step: '' }];
  while (stack.length) {
    const frame = stack.pop()!;
    const current = frame.value;
    if (!current || typeof current !== 'object') continue;
    if (frame.depth > maxDepth) return { problem: 'too-deep', pointer: pointerOf(frame, base) };
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], depth: frame.depth + 1, parent: frame, step: String(i) });
      continue;
    }
    const keys = Object.keys(current);
    for (const key of keys) {
      if (FORBIDDEN_KEYS.has(key)) return { problem: 'forbidden-key', pointer: pointerOf({ value: null, depth: 0, parent: frame, step: escapeStep(key) }, base) };
    }
    for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: (current as Record<string, unknown>)[keys[i]], depth: frame.depth + 1, parent: frame, step: escapeStep(keys[i]) });
  }
  return null;
}

/**
 * Pointer of the first prototype-polluting key (`__proto__`, `constructor`, `prototype`) at any depth, or null.
 * @public
 */
export function findForbiddenKey(value: unknown, pointer = ''): string | null {
  return findJsonProblem(value, { pointer })?.pointer ?? null;
}
