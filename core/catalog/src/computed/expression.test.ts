import { evaluateExpression, parseExpression } from './expression';

const scope = { title: 'Cart', properties: { replicas: 3, lifecycle: 'production', ratio: 0.5 }, relations: { system: 'cart' } };
const run = (source: string): unknown => evaluateExpression(parseExpression(source), scope);

describe('calculation expressions', () => {
  it.each<[string, unknown]>([
    ['properties.replicas * 2 + 1', 7],
    ['(properties.replicas + 1) * 2', 8],
    ['10 % 4 - -1', 3],
    ["title + ' ' + properties.lifecycle", 'Cart production'],
    ["properties.replicas >= 3 && properties.lifecycle == 'production'", true],
    ['properties.missing || "none"', 'none'],
    ['!properties.ratio', false],
    ['properties.replicas > 2 ? "big" : "small"', 'big'],
    ['properties.replicas / 0', null],
    ['relations.system', 'cart'],
    ['properties.nothing.deeper', null],
  ])('%s = %p', (source, expected) => {
    expect(run(source)).toEqual(expected);
  });

  it('cannot reach prototypes or globals, and rejects code', () => {
    expect(() => parseExpression('properties.__proto__')).toThrow(/not an allowed path/);
    expect(() => parseExpression('title.constructor')).toThrow(/not an allowed path/);
    expect(run('process')).toBeNull();
    expect(run('globalThis')).toBeNull();
    expect(run('title.length')).toBeNull();
    for (const code of ['a = 1', 'f()', 'a[0]', '`x`', '1 +', '(1', 'a; b']) expect(() => parseExpression(code)).toThrow(/The expression is invalid/);
  });
});
