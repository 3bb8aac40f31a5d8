import { parseExpression } from '../computed/expression';

/** A jq calculation as a Portico expression, or why it cannot be one. */
export type JqTranslation = { expression: string; reads: string[] } | { reason: string };

/** Entity fields jq reads with `.name` and the names Portico's expressions give them. */
const ROOT_FIELDS: Record<string, string> = { identifier: 'id', title: 'title', blueprint: 'kind', description: 'description' };
const KEYWORDS: Record<string, string> = { and: '&&', or: '||', if: '(', then: '?', elif: ':', else: ':', end: ')', true: 'true', false: 'false', null: 'null' };
const OPERATORS = ['==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/', '%', '(', ')'];

/**
 * Translates the part of jq that Port calculations mostly use (paths into `.properties` and
 * `.relations`, `.identifier`, `.title`, literals, arithmetic, comparisons, `and`/`or`,
 * `if … then … elif … else … end`) into Portico's expression language. Pipes, functions,
 * array and object construction and the alternative operator `//` have no counterpart, so
 * they come back as a reason instead of a guess. `reads` lists the (Port) property names
 * used; `rename` maps a Port property or relation name to its Portico name.
 */
export function translateJq(source: string, rename: (name: string) => string = (name) => name): JqTranslation {
  const out: string[] = [];
  const reads: string[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      if (j >= source.length) return { reason: `unterminated string at character ${i + 1}` };
      const text = source.slice(i + 1, j);
      if (c === '"' && text.includes('\\(')) return { reason: 'string interpolation "\\(…)" has no counterpart (use + to join strings)' };
      out.push(JSON.stringify(text.replace(/\\(.)/g, '$1')));
      i = j + 1;
      continue;
    }
    const number = /^[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(source.slice(i));
    if (number) {
      out.push(number[0]);
      i += number[0].length;
      continue;
    }
    if (c === '.') {
      const path = /^\.([A-Za-z_][A-Za-z0-9_]*)((?:\.[A-Za-z_][A-Za-z0-9_-]*)*)/.exec(source.slice(i));
      if (!path) return { reason: `"${source.slice(i, i + 12)}" at character ${i + 1} is not a plain path (only .properties.<name>, .relations.<name>, .identifier, .title and .blueprint are translated)` };
      const [whole, head, rest] = path;
      if (head === 'properties' || head === 'relations') {
        const name = rest.split('.')[1];
        if (!name) return { reason: `".${head}" alone is an object, not a value` };
        if (head === 'properties') reads.push(name);
        out.push([head, rename(name), ...rest.split('.').slice(2)].join('.'));
      } else if (Object.hasOwn(ROOT_FIELDS, head) && !rest) out.push(ROOT_FIELDS[head]);
      else return { reason: `"${whole}" has no counterpart in Portico expressions` };
      i += whole.length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i));
    if (word) {
      if (!Object.hasOwn(KEYWORDS, word[0])) return { reason: `the jq function or keyword "${word[0]}" has no counterpart in Portico expressions` };
      out.push(KEYWORDS[word[0]]);
      i += word[0].length;
      continue;
    }
    if (source.startsWith('//', i)) return { reason: 'the alternative operator "//" has no exact counterpart (Portico\'s || also replaces 0 and "")' };
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (!op) return { reason: `"${c}" at character ${i + 1} (${c === '|' ? 'pipes' : 'this jq syntax'}) has no counterpart in Portico expressions` };
    out.push(op);
    i += op.length;
  }
  const expression = out.join(' ');
  try {
    parseExpression(expression);
  } catch (error) {
    return { reason: `it does not translate to a valid expression (${(error as Error).message})` };
  }
  return { expression, reads: [...new Set(reads)] };
}
