import { orderPlugins } from './plugin-order';

describe('orderPlugins', () => {
  it('puts dependencies first', () => {
    const deps = new Map([
      ['cicd', new Set(['software-catalog'])],
      ['software-catalog', new Set<string>()],
      ['oncall', new Set(['cicd'])],
    ]);
    expect(orderPlugins(['oncall', 'cicd', 'software-catalog'], deps)).toEqual(['software-catalog', 'cicd', 'oncall']);
  });

  it('names a cycle', () => {
    const deps = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['a'])],
    ]);
    expect(() => orderPlugins(['a', 'b'], deps)).toThrow('Plugins depend on each other in a cycle (a -> b -> a): remove one of these dependencies.');
  });
});
