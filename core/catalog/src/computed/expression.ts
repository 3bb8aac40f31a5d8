import { ValidationError } from '@portico/plugin-api';

/**
 * A small, side-effect-free expression language for calculation properties, parsed and
 * evaluated here (never eval / new Function on user input). It has numbers, strings,
 * true/false/null, property paths (`properties.replicas`, `title`), parentheses,
 * + - * / %, comparisons, && || !, and `a ? b : c`. `+` concatenates when either side is a string.
 */
export type Expr =
  | { t: 'lit'; value: unknown }
  | { t: 'path'; path: string[] }
  | { t: 'unary'; op: '!' | '-'; arg: Expr }
  | { t: 'bin'; op: string; left: Expr; right: Expr }
  | { t: 'cond'; test: Expr; then: Expr; else: Expr };

type Token = { type: 'num' | 'str' | 'id' | 'op'; value: string; at: number };

const MAX_LENGTH = 1000;
const OPERATORS = ['===', '!==', '==', '!=', '<=', '>=', '&&', '||', '<', '>', '+', '-', '*', '/', '%', '!', '(', ')', '?', ':'];

function fail(message: string, at: number): never {
  throw new ValidationError(`The expression is invalid: ${message} at character ${at + 1}.`, [{ pointer: '/expression', message: `${message} at character ${at + 1}` }]);
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const m = /^[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?/.exec(source.slice(i))!;
      tokens.push({ type: 'num', value: m[0], at: i });
      i += m[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let text = '';
      while (j < source.length && source[j] !== c) {
        if (source[j] === '\\' && j + 1 < source.length) j++;
        text += source[j];
        j++;
      }
      if (j >= source.length) fail('unterminated string', i);
      tokens.push({ type: 'str', value: text, at: i });
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_$]*(?:\.[A-Za-z_$][A-Za-z0-9_$-]*)*/.exec(source.slice(i))!;
      tokens.push({ type: 'id', value: m[0], at: i });
      i += m[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (!op) fail(`unexpected "${c}"`, i);
    tokens.push({ type: 'op', value: op, at: i });
    i += op.length;
  }
  return tokens;
}

const PRECEDENCE: Record<string, number> = { '||': 1, '&&': 2, '==': 3, '!=': 3, '===': 3, '!==': 3, '<': 4, '<=': 4, '>': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6 };
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

/** @public */
export function parseExpression(source: string): Expr {
  if (typeof source !== 'string' || source.length === 0) fail('expected an expression', 0);
  if (source.length > MAX_LENGTH) fail(`longer than ${MAX_LENGTH} characters`, MAX_LENGTH);
  const tokens = tokenize(source);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const expectOp = (op: string): void => {
    const t = tokens[pos];
    if (!t || t.type !== 'op' || t.value !== op) fail(`expected "${op}"`, t?.at ?? source.length);
    pos++;
  };
  const primary = (): Expr => {
    const t = tokens[pos++];
    if (!t) fail('unexpected end', source.length);
    if (t.type === 'num') return { t: 'lit', value: Number(t.value) };
    if (t.type === 'str') return { t: 'lit', value: t.value };
    if (t.type === 'id') {
      if (t.value === 'true' || t.value === 'false') return { t: 'lit', value: t.value === 'true' };
      if (t.value === 'null') return { t: 'lit', value: null };
      const path = t.value.split('.');
      if (path.some((p) => FORBIDDEN_SEGMENTS.has(p))) fail(`"${t.value}" is not an allowed path`, t.at);
      return { t: 'path', path };
    }
    if (t.value === '(') {
      const inner = conditional();
      expectOp(')');
      return inner;
    }
    if (t.value === '!' || t.value === '-') return { t: 'unary', op: t.value, arg: primary() };
    return fail(`unexpected "${t.value}"`, t.at);
  };
  const binary = (min: number): Expr => {
    let left = primary();
    for (;;) {
      const t = peek();
      const prec = t && t.type === 'op' ? PRECEDENCE[t.value] : undefined;
      if (prec === undefined || prec < min) return left;
      pos++;
      left = { t: 'bin', op: t!.value, left, right: binary(prec + 1) };
    }
  };
  const conditional = (): Expr => {
    const test = binary(1);
    const t = peek();
    if (t && t.type === 'op' && t.value === '?') {
      pos++;
      const then = conditional();
      expectOp(':');
      return { t: 'cond', test, then, else: conditional() };
    }
    return test;
  };
  const expr = conditional();
  if (pos < tokens.length) fail(`unexpected "${tokens[pos].value}"`, tokens[pos].at);
  return expr;
}

function lookup(scope: Record<string, unknown>, path: string[]): unknown {
  let value: unknown = scope;
  for (const part of path) {
    if (!value || typeof value !== 'object' || !Object.hasOwn(value, part)) return null;
    value = (value as Record<string, unknown>)[part];
  }
  return value === undefined ? null : value;
}

/** @public */
export function evaluateExpression(expr: Expr, scope: Record<string, unknown>): unknown {
  switch (expr.t) {
    case 'lit':
      return expr.value;
    case 'path':
      return lookup(scope, expr.path);
    case 'unary': {
      const v = evaluateExpression(expr.arg, scope);
      return expr.op === '!' ? !v : -Number(v);
    }
    case 'cond':
      return evaluateExpression(expr.test, scope) ? evaluateExpression(expr.then, scope) : evaluateExpression(expr.else, scope);
    case 'bin': {
      if (expr.op === '&&') return evaluateExpression(expr.left, scope) && evaluateExpression(expr.right, scope);
      if (expr.op === '||') return evaluateExpression(expr.left, scope) || evaluateExpression(expr.right, scope);
      const a = evaluateExpression(expr.left, scope) as number;
      const b = evaluateExpression(expr.right, scope) as number;
      switch (expr.op) {
        case '+':
          return typeof a === 'string' || typeof b === 'string' ? `${a ?? ''}${b ?? ''}` : a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          return b === 0 ? null : a / b;
        case '%':
          return b === 0 ? null : a % b;
        case '==':
        case '===':
          return a === b;
        case '!=':
        case '!==':
          return a !== b;
        case '<':
          return a < b;
        case '<=':
          return a <= b;
        case '>':
          return a > b;
        case '>=':
          return a >= b;
        default:
          return null;
      }
    }
    default:
      return null;
  }
}
