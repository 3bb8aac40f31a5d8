import { SchemaValidator } from './schema-validator';

describe('SchemaValidator patterns', () => {
  const validator = new SchemaValidator();

  it('evaluates a catastrophic pattern in linear time', () => {
    const schema = { type: 'object', properties: { name: { type: 'string', pattern: '^(a+)+$' } } };
    const started = process.hrtime.bigint();
    expect(() => validator.assert(schema, { name: `${'a'.repeat(5000)}!` }, 'The entity')).toThrow(/\/name must match pattern/);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1000);
    expect(() => validator.assert(schema, { name: 'aaaa' }, 'The entity')).not.toThrow();
  });

  it('keeps ECMAScript escapes, classes and named groups working', () => {
    const schema = { type: 'string', pattern: '^\\u00e9(?<rest>[\\w-]+)\\/\\d{2}$' };
    expect(validator.compile(schema)('éab-c/12')).toBe(true);
    expect(validator.compile(schema)('eab/12')).toBe(false);
    expect(validator.compile({ type: 'object', patternProperties: { '^x-': { type: 'integer' } } })({ 'x-a': 'no' })).toBe(false);
  });

  it('refuses patterns the linear-time engine cannot run, naming each pattern and its pointer', () => {
    const problems = validator.checkSchema({
      type: 'object',
      properties: { a: { type: 'string', pattern: '(a)\\1' }, b: { type: 'string', pattern: '^(?=x)' }, c: { enum: [{ pattern: '(?!data)' }] } },
      patternProperties: { '(?<=y)z': {} },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { pointer: '/properties/a/pattern', message: expect.stringMatching(/^the pattern "\(a\)\\\\1" cannot be used: .*backreferences or lookaround/) },
        { pointer: '/properties/b/pattern', message: expect.stringContaining('"^(?=x)"') },
        { pointer: '/patternProperties/(?<=y)z', message: expect.stringContaining('cannot be used') },
      ]),
    );
    expect(problems).toHaveLength(3);
  });
});
