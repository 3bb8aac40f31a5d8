/**
 * Checks that a `USING` expression of a type change is one expression: parentheses balance and
 * never close more than they opened, and there is no top-level comma, semicolon or comment, so
 * wrapped as `USING (<expression>)` it cannot end the clause and add another ALTER TABLE action
 * or a second statement. (Statements also run over the extended protocol, which refuses more
 * than one statement.) Quoted strings and identifiers are skipped; dollar quoting is refused.
 */
export function usingExpressionProblem(expression: string): string | null {
  if (!expression.trim()) return 'is empty';
  let depth = 0;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (c === "'" && /[eE]/.test(expression[i - 1] ?? '') && !/[A-Za-z0-9_]/.test(expression[i - 2] ?? '')) return "uses an escape string (E'...'); write the string without backslash escapes";
    if (c === "'" || c === '"') {
      const end = closingQuote(expression, i, c);
      if (end < 0) return `has an unclosed ${c === "'" ? 'string' : 'quoted name'}`;
      i = end;
      continue;
    }
    if (c === '$' && /^\$[A-Za-z_]*\$/.test(expression.slice(i)) && !/[A-Za-z0-9_]/.test(expression[i - 1] ?? '')) return 'uses dollar quoting; write the string with single quotes';
    if ((c === '-' && expression[i + 1] === '-') || (c === '/' && expression[i + 1] === '*')) return 'contains a comment';
    if (c === ';') return 'contains a semicolon';
    if (c === '(') depth++;
    if (c === ')' && --depth < 0) return 'closes a parenthesis it did not open';
    if (c === ',' && depth === 0) return 'has a comma outside parentheses (only one expression is allowed)';
  }
  return depth === 0 ? null : 'leaves a parenthesis open';
}

function closingQuote(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] !== quote) continue;
    if (text[i + 1] === quote) {
      i++;
      continue;
    }
    return i;
  }
  return -1;
}
