import { evaluateExpression, parseExpression } from '../computed/expression';
import { translateJq } from './translate-jq';

const scope = { id: 'cart', title: 'Cart', kind: 'service', properties: { memoryMb: 2048, tier: '1', name: 'cart' }, relations: { system: 'shop' } };
const value = (jq: string): unknown => {
  const t = translateJq(jq);
  if ('reason' in t) throw new Error(t.reason);
  return evaluateExpression(parseExpression(t.expression), scope);
};

describe('translateJq', () => {
  it.each<[string, unknown]>([
    ['.properties.memoryMb / 1024', 2],
    ["'https://github.com/acme/' + .identifier", 'https://github.com/acme/cart'],
    ['"svc-" + .properties.name', 'svc-cart'],
    ['if .properties.tier == "1" then "critical" elif .properties.tier == "2" then "important" else "standard" end', 'critical'],
    ['.properties.memoryMb > 1024 and .relations.system == "shop"', true],
    ['.title', 'Cart'],
  ])('%s = %p', (jq, expected) => {
    expect(value(jq)).toEqual(expected);
  });

  it('lists the properties an expression reads', () => {
    expect(translateJq('.properties.a + .properties.b * .properties.a')).toMatchObject({ reads: ['a', 'b'] });
  });

  it.each([
    ['.properties.tags | length', /"\|" at character 18 \(pipes\)/],
    ['.properties.a // 0', /alternative operator/],
    ['[.properties.a]', /"\[" at character 1/],
    ['.properties.name | ascii_downcase', /pipes/],
    ['length', /jq function or keyword "length"/],
    ['"x\\(.identifier)"', /interpolation/],
    ['.createdAt', /"\.createdAt" has no counterpart/],
    ['.properties.a +', /does not translate to a valid expression/],
  ])('gives the reason %s cannot be translated', (jq, reason) => {
    const t = translateJq(jq);
    expect('reason' in t && t.reason).toMatch(reason);
  });
});
